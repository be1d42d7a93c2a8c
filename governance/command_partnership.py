"""The --partnership option of every management command: a slug, or a message that helps."""

from django.core.management.base import CommandError

from .models import Partnership

HOW_TO_CREATE = 'Create one with: python manage.py create_partnership --name "…" --slug … --admin-email …'


def unknown_partnership(slug: str) -> CommandError:
    slugs = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True))
    known = f"The partnerships here are: {slugs}." if slugs else "There are no partnerships yet."
    return CommandError(f"There is no partnership “{slug}”. {known} {HOW_TO_CREATE}")


def partnership_from_option(slug: str) -> Partnership:
    """The partnership a command's --partnership names; a CommandError listing the slugs if none."""
    found = Partnership.objects.filter(slug=slug).first()
    if found is None:
        raise unknown_partnership(slug)
    return found
