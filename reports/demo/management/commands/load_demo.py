from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from governance.demo_accounts import DEMO_PASSWORD
from reports.demo.loader import load_walsall_demo
from reports.demo.walsall_2020_invented import DEMO_USERS


class Command(BaseCommand):
    help = "Load the Safer Walsall Partnership Plan 2020 and its demo logins. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-users",
            action="store_true",
            help=(
                "Create the demo logins even though DEBUG is off. They share a published password, so "
                "they cannot sign in unless SWP_ALLOW_DEMO_SIGN_IN=1, and check --deploy fails."
            ),
        )
        parser.add_argument(
            "--skip-users", action="store_true", help="Load the plan without any demo logins."
        )

    def handle(self, *args, allow_demo_users: bool, skip_users: bool, verbosity: int, **options):
        with_users = not skip_users
        if with_users and not settings.DEBUG and not allow_demo_users:
            raise CommandError(
                "Refusing to create demo logins with a published password while DEBUG is off. "
                "Use --allow-demo-users to create them anyway, or --skip-users to load only the plan."
            )
        report = load_walsall_demo(with_users=with_users)
        if not report.changed:
            self.stdout.write("The Safer Walsall demo is already loaded: nothing changed.")
            return
        for verb, counts in (("Created", report.created), ("Updated", report.updated)):
            if counts:
                summary = ", ".join(f"{n} {name}" for name, n in sorted(counts.items()))
                self.stdout.write(f"{verb}: {summary}.")
        if report.links:
            self.stdout.write(
                f"Set the links of {report.links} records to themes, priorities and organisations."
            )
        if with_users and verbosity > 1:
            self.stdout.write(
                f"Demo logins (password {DEMO_PASSWORD}): " + ", ".join(u["email"] for u in DEMO_USERS)
            )
        self.stdout.write(self.style.SUCCESS("Loaded the Safer Walsall Partnership Plan 2020."))
