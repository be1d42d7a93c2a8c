"""The Partners sheet, and the names of partners and groups wherever other sheets give them.

Organisations are matched by name or short name, ignoring case, to the partnership's own; others are
added. A Partners row of kind "Group" is a group of the partnership (a Board), which can lead a
priority; existing groups are matched by name.
"""

import re

from governance.models import Board, Organisation

from . import format as f
from .preview import PartnerRow, Preview
from .sources import SheetReader, split_list


def read_partners(preview: Preview, reader: SheetReader) -> None:
    seen: dict[str, int] = {}
    for row in reader.rows():
        name = row.text("name", required=True, limit=(Organisation, "name"))
        short_name = row.text("short_name", limit=(Organisation, "short_name"))  # a Board's is as long
        kind = row.words("kind", f.ORGANISATION_KIND, Organisation.Kind.OTHER)
        membership = row.words("membership", f.MEMBERSHIP, Organisation.Membership.ASSOCIATE)
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            row.problem("name", f"“{name}” is already on row {seen[key]}: list each partner once")
            continue
        seen[key] = row.number
        preview.partners.append(PartnerRow(row.number, name, short_name, kind, membership))


def match_bodies(preview: Preview) -> None:
    """Give each name a body: the Partners sheet's, or the partnership's own organisations and groups."""
    organisations = list(Organisation.objects.filter(partnership=preview.partnership))
    boards = list(Board.objects.filter(partnership=preview.partnership, kind__in=Board.PARTNERSHIP_KINDS))
    by_name = {o.name.casefold(): o for o in organisations}
    boards_by_name = {b.name.casefold(): b for b in boards}
    names: dict[str, tuple[str, object]] = {}
    for partner in preview.partners:
        if partner.is_group:
            partner.existing = boards_by_name.get(partner.name.casefold())
        else:
            partner.existing = by_name.get(partner.name.casefold())
            if partner.existing and partner.short_name and partner.existing.short_name != partner.short_name:
                preview.notes.append(
                    f"{partner.name} is already a partner, with short name “{partner.existing.short_name}”: "
                    "it is used as it is, and its short name is not changed"
                )
        body = ("group" if partner.is_group else "org", partner)
        preview.bodies[f"sheet:{partner.row}"] = body
        for written in (partner.name, partner.short_name):
            if written:
                names.setdefault(written.casefold(), (f"sheet:{partner.row}", body))
    for organisation in organisations:
        for written in (organisation.name, organisation.short_name):
            if written:
                names.setdefault(written.casefold(), (f"org:{organisation.pk}", ("org", organisation)))
    for board in boards:
        for written in (board.name, board.short_name):
            if written:
                names.setdefault(written.casefold(), (f"board:{board.pk}", ("group", board)))
    preview._names = names  # used while reading the other sheets


def resolve_names(preview: Preview, raw: str, *, what: str, groups: bool) -> tuple[list[str], list[str]]:
    """(keys, problems) for a cell listing bodies.

    Commas and "and" split a part only if every piece is a known name.
    """
    keys, problems = [], []
    names = preview._names
    for part in split_list(raw):
        found = names.get(part.casefold())
        pieces = [found] if found else None
        if not found:
            split = [p.strip() for p in re.split(r",|\band\b|&", part) if p.strip()]
            if len(split) > 1 and all(piece.casefold() in names for piece in split):
                pieces = [names[piece.casefold()] for piece in split]
        if not pieces:
            problems.append(
                f"“{part}” is not on the Partners sheet or one of the partnership's organisations or groups. "
                f"Add it to the Partners sheet, or correct the name"
            )
            continue
        for key, (kind, body) in pieces:
            if kind == "group" and not groups:
                problems.append(
                    f"“{body.name}” is a group, not an organisation: {what} must be partner organisations. "
                    "Name the group in Responsible officer instead"
                )
                continue
            preview.bodies[key] = (kind, body)
            if key not in keys:
                keys.append(key)
    return keys, problems
