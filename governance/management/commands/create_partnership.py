"""python manage.py create_partnership --name NAME --slug SLUG --admin-email EMAIL [--admin-name NAME]

Creates the partnership and emails an invitation to its first partnership admin, and nothing else:
the admin then sets up the rest in the browser (people, organisations, the plan from a workbook).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from governance.partnerships import create_partnership
from governance.people_forms import CreatePartnershipForm


class Command(BaseCommand):
    help = "Create a partnership and invite its first partnership admin by email."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Such as “Safer Walsall Partnership”.")
        parser.add_argument("--slug", default="", help="Its short address, such as safer-walsall.")
        parser.add_argument("--area", default="", help="The council area it covers.")
        parser.add_argument("--admin-email", required=True, help="The first admin's work email.")
        parser.add_argument("--admin-name", default="", help="The first admin's full name.")

    def handle(self, *args, name, slug, area, admin_email, admin_name, **options):
        try:
            validate_email(admin_email)
        except ValidationError:
            raise CommandError(f"“{admin_email}” is not an email address.") from None
        form = CreatePartnershipForm(
            {
                "name": name,
                "slug": slug,
                "area": area,
                "admin_name": admin_name or admin_email.split("@")[0],
                "admin_email": admin_email,
            }
        )
        if not form.is_valid():
            problems = [str(error) for errors in form.errors.values() for error in errors]
            raise CommandError(" ".join(problems))
        data = form.cleaned_data
        partnership, invitation = create_partnership(
            name=data["name"],
            slug=data["slug"],
            area=data["area"],
            admin_email=data["admin_email"],
            admin_name=data["admin_name"],
            by=None,
        )
        self.stdout.write(
            f"Created {partnership.name} ({partnership.slug}) and invited {invitation.email} as its "
            "partnership admin. The invitation email is on its way."
        )
