"""The blank plan workbook a partnership admin downloads, fills in and imports: documented in itself."""

from . import format as f
from .writer import SheetData, xlsx_workbook

EXPORT_ONLY = "Export only."  # a column the export writes for the record, which the import ignores
TITLE = "Plan workbook: load a community safety plan"

INTRODUCTION = [
    "How to use this workbook",
    "Fill in one sheet for each part of your plan, then upload the workbook on the “Load a plan from a "
    "workbook” page. You will see everything that would be created, and any problems, before anything is "
    "saved. Nothing is saved unless the whole workbook is right.",
    "The plan is created as a draft, in your partnership. It then goes through its approvals like any plan.",
    "Keep the sheet names and the headings in row 1. Other names work too (for example “Item No.” for "
    "Reference, or “Lead partner” for Lead bodies), and columns this workbook does not have are ignored.",
    "Dates: day first, like 31/03/2022, 1/4/22 or 31 March 2022. A date that does not exist (31/09/2022) is "
    "an error, never a guess.",
    "Numbers: £ signs, commas and % are fine (£26,000; 3,700; 27.5%). A cell Excel shows as a percentage "
    "(26%) is read as it shows, 26. Up to 2 decimal places are kept: a fraction such as 0.438 is refused, "
    "so type a percentage as 43.8%.",
    "Lists (several lead bodies, organisations or themes in one cell): separate them with semicolons, or "
    "put each on its own line in the cell (Alt+Enter in Excel).",
    "Long text, line breaks, curly quotes, dashes and £ are kept exactly as you type them.",
    "Required columns must have a value on every row you fill in. Blank rows are skipped.",
    "Importing the same workbook twice does not make two plans: a plan with the same title is refused.",
]


def _read_me_rows() -> list[list[str]]:
    rows = [[line] for line in INTRODUCTION]
    for sheet in f.TEMPLATE_SHEETS:
        rows.append([""])
        rows.append([f"Sheet “{sheet.title}”", sheet.purpose])
        if sheet is f.PLAN:
            rows.append(["Detail (column A)", "What to write in column B", "Example"])
        else:
            rows.append(["Column", "What to write", "Example"])
        for field in sheet.fields:
            if field.help == EXPORT_ONLY:
                continue
            rows.append([field.label, field.help, field.example])
    return rows


def _plan_rows() -> list[list[str]]:
    return [[field.label, ""] for field in f.PLAN.fields]


def template_bytes() -> bytes:
    sheets = [
        SheetData(f.READ_ME.title, [TITLE], _read_me_rows(), widths=(34, 100, 40)),
        SheetData(f.PLAN.title, ["Detail", "Value"], _plan_rows(), widths=(30, 80)),
    ]
    vocabularies = {
        f.PARTNERS.key: {"kind": f.ORGANISATION_KIND, "membership": f.MEMBERSHIP},
        f.MEASURES.key: {"kind": f.MEASURE_KIND, "unit_type": f.UNIT_TYPE, "direction": f.DIRECTION},
        f.ACTIONS.key: {"horizon": f.HORIZON, "status": f.ACTION_STATUS, "rag": f.RAG},
    }
    for sheet in f.TEMPLATE_SHEETS[1:]:
        offered = vocabularies.get(sheet.key, {})
        fields = [field for field in sheet.fields if field.help != EXPORT_ONLY]
        sheets.append(
            SheetData(
                sheet.title,
                [field.label for field in fields],
                [],
                widths=[max(14, min(40, len(field.label) + 4)) for field in fields],
                choices={
                    index: offered[field.key].shown
                    for index, field in enumerate(fields)
                    if field.key in offered
                },
            )
        )
    return xlsx_workbook(sheets)
