"""Spreadsheet import and export of partner organisations (admin; issue 6, SEC-12).

Natural key: the partnership's slug and the organisation's name. Only the columns listed are read
or written: never ids, passwords or version counters.
"""

from import_export import fields

from swp.import_export.resources import SafeModelResource
from swp.import_export.widgets import ChoiceWidget, LookupWidget, TextWidget
from swp.sheets.values import CellError

from .models import Organisation, Partnership


class PartnershipWidget(LookupWidget):
    """A partnership by its slug (as in its web address), e.g. safer-walsall."""

    def find(self, key, row):
        try:
            return Partnership.objects.get(slug__iexact=key)
        except Partnership.DoesNotExist:
            raise CellError(
                f"There is no partnership “{key}”. Use its short web name, like safer-walsall"
            ) from None

    def key_of(self, obj):
        return obj.slug


def partnership_slug(row) -> str:
    return " ".join(str(row.get("Partnership") or "").split())


class OrganisationResource(SafeModelResource):
    partnership = fields.Field("partnership", "Partnership", PartnershipWidget())
    name = fields.Field("name", "Name", TextWidget())
    short_name = fields.Field("short_name", "Short name", TextWidget())
    kind = fields.Field("kind", "Kind", ChoiceWidget(Organisation.Kind.choices))
    membership = fields.Field("membership", "Membership", ChoiceWidget(Organisation.Membership.choices))

    class Meta(SafeModelResource.Meta):
        model = Organisation
        fields = ("partnership", "name", "short_name", "kind", "membership")
        import_id_fields = ("partnership", "name")

    def get_queryset(self):
        return super().get_queryset().select_related("partnership")
