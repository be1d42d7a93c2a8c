"""`check --deploy`: no demo account may be left active in production (issue 20).

A database made with the demo keeps its nine accounts, one a superuser, whose password the README
publishes. With DEBUG off this is an error until each is deactivated or has a password of its own.
It needs the database, which `check` reaches only when given `--database default`; without it, or
with a database that cannot answer, it warns that it could not look rather than pass in silence.
Registered in GovernanceConfig.ready().
"""

from django.conf import settings
from django.core.checks import Error, Warning
from django.db import DEFAULT_DB_ALIAS, DatabaseError

from .demo_accounts import active_demo_accounts

RUN_WITH_DATABASE = "Run python manage.py check --deploy --database default."
LISTED = 10  # enough to act on; the count says how many more


def check_no_demo_accounts(app_configs=None, databases=None, **kwargs) -> list:
    if settings.DEBUG:
        return []
    if not databases or DEFAULT_DB_ALIAS not in databases:
        return [
            Warning(
                "Demo accounts were not looked for, because the check was run without a database.",
                hint=RUN_WITH_DATABASE,
                id="governance.W001",
            )
        ]
    try:
        found = active_demo_accounts(using=DEFAULT_DB_ALIAS)
    except DatabaseError as error:
        return [
            Warning(
                f"Demo accounts could not be looked for: the database gave {type(error).__name__}.",
                hint="Check DATABASE_URL and run python manage.py migrate. Then " + RUN_WITH_DATABASE,
                id="governance.W002",
            )
        ]
    if not found:
        return []
    emails = ", ".join(user.email for user in found[:LISTED])
    more = f" and {len(found) - LISTED} more" if len(found) > LISTED else ""
    accounts = (
        "1 active account is a demo account"
        if len(found) == 1
        else f"{len(found)} active accounts are demo accounts"
    )
    return [
        Error(
            f"{accounts}, with the demo's published password or a demo address: {emails}{more}.",
            hint=(
                "Deactivate or change the password of each of them in the Django admin (and give real "
                "people addresses of their own), or run with DJANGO_DEBUG=1 for a demo."
            ),
            id="governance.E001",
        )
    ]


def check_identity_provider_secrets(app_configs=None, databases=None, **kwargs) -> list:
    """`check --deploy --database default`: each enabled identity provider's client secret is set on
    this server. The admin refuses to save one without it, but a new server, or a secret removed from
    the environment, would send that organisation's people to a sign-in that cannot finish."""
    from .models import IdentityProvider
    from .oidc import client_secret

    if not databases or DEFAULT_DB_ALIAS not in databases:
        return []  # the demo accounts' check already says the database was not looked at
    try:
        providers = list(IdentityProvider.objects.using(DEFAULT_DB_ALIAS).filter(enabled=True))
    except DatabaseError:
        return []  # the demo accounts' check already says why
    return [
        Error(
            f"The identity provider {provider.name} is enabled, but its client secret "
            f"{provider.client_secret_name} is not set on this server.",
            hint="Set that environment variable, or add it to the JSON file named by SWP_OIDC_SECRETS_FILE; "
            "or untick Enabled on the provider in the Django admin.",
            id="governance.E002",
        )
        for provider in providers
        if not client_secret(provider.client_secret_name)
    ]
