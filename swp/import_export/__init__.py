"""django-import-export in the admin, made safe (SEC-12 to 14 and INT-04 to 06 in docs/quality-checks.md).

What the library does not do on its own, and this package does, one module each:

- resources.py: SafeModelResource, with natural keys, all-or-nothing imports and the lookups made
  once per import.
- widgets.py: how a cell is read and written (UK dates, RAG, choices, numbers, related records).
- formats.py: SafeCSV and SafeXLSX, read and written through swp/sheets/.
- forms.py: the checked upload and the signed confirm step (INT-06).
- admin.py: SafeImportExportMixin for a ModelAdmin, with the import and export security log lines.

No app imports: the resources that know the models live in each app's resources.py.
"""
