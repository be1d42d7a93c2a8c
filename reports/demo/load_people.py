"""The partnership, its partner organisations, and the demo's people with their roles."""

from governance.demo_accounts import DEMO_PASSWORD
from governance.models import Membership, Organisation, Partnership, User

from . import walsall_2020_invented as invented
from . import walsall_2020_plan as source
from .upsert import LoadReport, upsert, without


def load_partnership(report: LoadReport) -> tuple[Partnership, dict[str, Organisation]]:
    """The partnership and its organisations, keyed by the transcription's organisation keys."""
    partnership = upsert(
        report, Partnership, {"slug": source.PARTNERSHIP["slug"]}, without(source.PARTNERSHIP, "slug")
    )
    organisations = {
        org["key"]: upsert(
            report,
            Organisation,
            {"partnership": partnership, "name": org["name"]},
            without(org, "key", "name"),
        )
        for org in source.ORGANISATIONS
    }
    return partnership, organisations


def load_users(
    report: LoadReport, partnership: Partnership, organisations: dict[str, Organisation]
) -> dict[str, User]:
    """The demo logins and their memberships, keyed by email."""
    users = {}
    for person in invented.DEMO_USERS:
        superuser = person.get("superuser", False)
        values = {
            "full_name": person["full_name"],
            "job_title": person.get("job_title", ""),
            "organisation": organisations[person["organisation"]],
            "is_staff": superuser,
            "is_superuser": superuser,
        }
        user = User.objects.filter(email=person["email"]).first()
        if user is None:
            # Only a new account gets the demo password: a rerun never resets one someone changed.
            user = User.objects.create_user(email=person["email"], password=DEMO_PASSWORD, **values)
            report.count(report.created, User)
        else:
            user = upsert(report, User, {"email": person["email"]}, values)
        upsert(report, Membership, {"partnership": partnership, "user": user}, {"role": person["role"]})
        users[person["email"]] = user
    return users
