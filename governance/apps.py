from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"

    def ready(self) -> None:
        """Connects every signal receiver of the project (here, and nowhere else) and the deploy check.

        Here, because governance is the lowest of the apps: it may import both its own receiver and
        swp's shared ones, whereas swp imports no app. The receivers are plain functions where
        they live.
        """
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
        from django.core.checks import Tags, register
        from django.db.models.signals import post_migrate

        from swp import append_only, security_receivers, session_timeout

        from . import checks, two_factor

        # At sign-in (the password form, or a test's force_login) the session gets the facts the
        # two-factor middleware needs (SEC-10) and its activity stamps for the idle timeout (SEC-09),
        # so ordinary requests afterwards make no extra queries.
        user_logged_in.connect(
            two_factor.remember_facts_at_sign_in,
            dispatch_uid="governance.two_factor.remember_facts_at_sign_in",
        )
        user_logged_in.connect(
            session_timeout.stamp_sign_in, dispatch_uid="swp.session_timeout.stamp_sign_in"
        )

        # Sign-ins, sign-outs, failures and lockouts go to the security log (SEC-17).
        user_logged_in.connect(security_receivers.signed_in, dispatch_uid="swp.security_receivers.signed_in")
        user_logged_out.connect(
            security_receivers.signed_out, dispatch_uid="swp.security_receivers.signed_out"
        )
        user_login_failed.connect(
            security_receivers.sign_in_failed, dispatch_uid="swp.security_receivers.sign_in_failed"
        )
        user_locked_out.connect(
            security_receivers.locked_out, dispatch_uid="swp.security_receivers.locked_out"
        )

        # History tables are append-only on PostgreSQL (INT-03): the triggers go on after every
        # migrate, once every app has migrated (no sender: the receiver waits for the last app).
        post_migrate.connect(append_only.on_post_migrate, dispatch_uid="swp.append_only.on_post_migrate")

        # No demo account left active with DEBUG off (`check --deploy --database default`).
        register(checks.check_no_demo_accounts, Tags.security, deploy=True)
        # Every enabled identity provider's client secret is set on this server.
        register(checks.check_identity_provider_secrets, Tags.security, deploy=True)
