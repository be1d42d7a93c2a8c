"""Whole-plan workbooks (issue 6, items 4 and 5): load any partnership's plan from a workbook, and
export a plan with its updates and history.

- format.py: the sheets and columns, their synonyms, the words each column accepts, and the
  "Read me" text. The template, the importer and the exporter all read it, so they cannot drift.
- writer.py: many sheets to XLSX (or a ZIP of CSV files), every text cell neutralised (SEC-14).
- template.py: the blank, documented workbook a partnership admin downloads.
- importer.py: read a workbook into a preview (what will be created, every problem with its sheet,
  row and column), then create the plan from it as a draft, all or nothing.
- exporter.py: the whole plan, sheet by sheet, in the template's layout plus its quarters,
  updates, readings and history.
"""
