"""The spreadsheet toolkit: every upload, reading and writing of CSV and XLSX in the app goes through it.

- uploads.py: the checks an upload passes before anything parses it, and the one ZIP inspection
  (XLSX workbooks, the plan workbook's ZIP of CSV files, evidence files), each kind with named limits.
- reading.py: rows from CSV and XLSX, each carrying the row number the person sees.
- values.py: a cell as text, a date, a number, a RAG rating, Yes or No, one of a field's choices;
  anything unclear is a CellError saying why, never a guess.
- headers.py: finding the heading row and which column is which, with synonyms.
- writing.py: cells, CSV text and whole files that can never carry a live formula (SEC-14).
- downloads.py: a CSV or XLSX file as an HTTP attachment.

Modules import one way (uploads <- reading <- writing <- values <- headers; downloads uses writing),
and no app.
"""
