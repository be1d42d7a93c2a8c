"""The lead's quarterly update sheet: download it, fill it in, upload it, check the preview, save it.

- columns.py: the sheet's columns, as our sheet writes them and as an upload is read by them
- writing.py: the downloaded workbook, with its Instructions sheet
- preview.py: an upload read into a preview of its changes (UploadPreview), writing nothing
- row_preview.py: what one row would do (RowPreview); references.py: which action a Ref cell means;
  row_values.py: the update a row asks for, under the web form's rules (actions/update_rules.py)
- applying.py: saving a preview all or nothing (apply_import), through services.save_updates_in_bulk
- saved_message.py: what the lead is told afterwards, counted from the updates as saved
- forms.py and views.py: the upload form and the four pages (actions:update_sheet_*)
"""
