"""Whole-plan workbooks (issue 6, items 4 and 5): load any partnership's plan from a workbook, and
export a plan with its updates and history.

Loading is two steps: `read_workbook(data, fmt, partnership=...)` gives a Preview and writes nothing;
`apply(preview, by=...)` creates the plan from it as a draft, all or nothing. `check_upload` comes
first, before anything parses the file.

- format.py: the sheets and columns, their synonyms, the words each column accepts, and the
  "Read me" text. The template, the import and the export all read it, so they cannot drift.
  shapes.py: what those definitions are written in (Field, Sheet, Vocabulary).
- template.py: the blank, documented workbook a partnership admin downloads.
- sources.py: opening the upload (an XLSX workbook, or a ZIP of CSV files), and the sheet and row
  readers that put each problem in the preview with its sheet, row and column.
- preview.py: what the workbook would create, row by row, and every problem with it.
- checking.py: read_workbook, which finds each sheet and checks them in order, one checking_*
  module a sheet or two (plan and statistics, partners, priorities and measures, actions and
  themes, reporting periods); periods.py reads a plan's period and makes its quarters.
- creating.py: apply, the plan created from a preview in one transaction.
- exporter.py: the whole plan, sheet by sheet, in the template's layout plus its quarters, updates
  and readings; export_history.py: its History sheet.
- writer.py: many sheets to XLSX (or a ZIP of CSV files), every text cell neutralised (SEC-14).
"""

from .checking import read_workbook
from .creating import apply
from .preview import Preview
from .sources import check_upload

__all__ = ["Preview", "apply", "check_upload", "read_workbook"]
