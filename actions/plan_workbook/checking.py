"""Read a plan workbook into a preview: what it would create, sheet by sheet, and every problem with it.

`read_workbook(data, fmt, partnership=...)` never writes. It finds which sheet is which, by name or
synonym, then checks the sheets in the order their references need: the Plan sheet, Partners (so
that every other sheet can name them), Baseline statistics, Priorities, Measures, Themes, Reporting
periods, Actions (whose latest updates name a quarter), and last the strategic assessment. Each
sheet's own rules are in its checking_* module and in the workbook's "Read me" (template.py).
creating.apply makes the plan from the preview.
"""

from governance.models import Partnership
from swp.sheets.uploads import UploadRefused
from swp.sheets.values import normalise_words

from . import format as f
from .checking_actions import read_actions, read_themes
from .checking_partners import match_bodies, read_partners
from .checking_periods import read_periods
from .checking_plan import check_assessment, read_plan_sheet, read_statistics
from .checking_priorities import read_measures, read_priorities
from .preview import Preview, Problem
from .shapes import Sheet
from .sources import SheetReader, SheetSource, read_sources


def read_workbook(data: bytes, fmt: str, *, partnership: Partnership) -> Preview:
    """Everything the workbook would create, and every problem with it. Writes nothing."""
    preview = Preview(partnership=partnership)
    try:
        _read_sheets(preview, _our_sheets(preview, read_sources(data, fmt)))
    except UploadRefused as refusal:  # the file, or one of a ZIP's CSV files, read when first wanted
        preview.problems.append(Problem("", None, None, str(refusal)))
    return preview


def _read_sheets(preview: Preview, found: dict[str, SheetSource]) -> None:
    """Our sheets into the preview, each after those it refers to (partners before priorities...)."""

    def reader(sheet: Sheet) -> SheetReader | None:
        return SheetReader(preview, sheet, found[sheet.key]) if sheet.key in found else None

    read_plan_sheet(preview, found.get("plan"))
    if partners := reader(f.PARTNERS):
        read_partners(preview, partners)
    match_bodies(preview)
    if statistics := reader(f.STATISTICS):
        read_statistics(preview, statistics)
    priorities = reader(f.PRIORITIES)
    if priorities is None:
        preview.problems.append(
            Problem(
                "",
                None,
                None,
                "The workbook has no “Priorities” sheet: add one, with a row for each priority",
            )
        )
    else:
        read_priorities(preview, priorities)
    if measures := reader(f.MEASURES):
        read_measures(preview, measures)
    themes = read_themes(preview, reader(f.THEMES))
    read_periods(preview, reader(f.PERIODS))  # before the actions, whose latest updates name a quarter
    if actions := reader(f.ACTIONS):
        read_actions(preview, actions, themes)
    preview.themes = list(themes.values())
    check_assessment(preview)
    if not preview.priorities and priorities is not None and not preview.problems:
        preview.problems.append(
            Problem(f.PRIORITIES.title, None, None, "There are no priorities: add at least one")
        )


def _our_sheets(preview: Preview, sources: list[SheetSource]) -> dict[str, SheetSource]:
    """The sheets the import reads, by our sheet's key; the others are noted, and two of a kind refused."""
    found: dict[str, SheetSource] = {}
    for source in sources:
        sheet = _sheet_named(source.name)
        if sheet is None:
            preview.notes.append(f"The sheet “{source.name}” is not one the import reads, so it was ignored")
        elif not sheet.imported:
            if sheet is not f.READ_ME:
                preview.notes.append(
                    f"The “{source.name}” sheet is kept for the record only: it is not imported"
                )
        elif sheet.key in found:
            preview.problems.append(
                Problem(
                    source.name,
                    None,
                    None,
                    f"Both “{found[sheet.key].name}” and “{source.name}” look like the "
                    f"{sheet.title} sheet. Rename or delete one of them",
                )
            )
        else:
            found[sheet.key] = source
    return found


def _sheet_named(name: str) -> Sheet | None:
    """Which of our sheets a workbook's sheet (or a CSV file's name) is, by its name or a synonym."""
    wanted = normalise_words(name)
    return next((sheet for sheet in f.ALL_SHEETS if wanted in sheet.names()), None)
