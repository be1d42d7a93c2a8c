"""The table of docs/permissions.md as data: for each operation, each role's answer."""

OK = "ok"  # allowed: the operation's own success status, Operation.ok (200, or 302 for a redirect)
OWN = "own"  # a page about "your partnership": an outsider gets their own, never walsall's
SIGN_IN = "sign in"  # redirected to the sign-in page

# lead: leads P1, the action's priority; owner: owns the action; other_lead: leads P2;
# officer: a partner officer (contributor) who leads and owns nothing; outsider: admin of `elsewhere`.
ROLES = ("admin", "secretary", "lead", "owner", "other_lead", "officer", "viewer", "outsider", "signed_out")

# fmt: off
MATRIX = {
    # columns are ROLES:      admin  secr.  lead   owner  o.lead off.   viewer outs.  signed out
    # The plan's actions and the quarterly update cycle
    "view_plan":             (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "download_actions_csv":  (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "download_actions_xlsx": (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_action":           (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "view_my_updates":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "edit_update_get":       (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "edit_update_post":      (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "comment_post":          (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "evidence_upload_post":  (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "evidence_download_get": (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "evidence_delete_get":   (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "evidence_delete_post":  (OK,    OK,    OK,    OK,    403,   403,   403,   404,   SIGN_IN),
    "review_start_get":      (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "review_period_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "review_update_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "review_update_post":    (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "bulk_accept_post":      (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "board_notes_get":       (OK,    OK,    OK,    403,   OK,    403,   403,   404,   SIGN_IN),
    "commentary_get":        (OK,    OK,    OK,    403,   403,   403,   403,   404,   SIGN_IN),
    "commentary_post":       (OK,    OK,    OK,    403,   403,   403,   403,   404,   SIGN_IN),
    "asks_get":              (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "asks_post":             (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "review_note_get":       (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "review_note_post":      (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "manage_period_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "lock_period_post":      (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "chase_get":             (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "chase_preview_get":     (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "chase_send_post":       (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "view_outbox":           (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "edit_reading_get":      (OK,    OK,    OK,    403,   403,   403,   403,   404,   SIGN_IN),
    "edit_reading_post":     (OK,    OK,    OK,    403,   403,   403,   403,   404,   SIGN_IN),
    # Board packs
    "view_packs":            (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "pack_preview_get":      (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_issue_get":        (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_issue_post":       (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_status_get":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "pack_retry_post":       (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "pack_download_get":     (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    # Dashboard, partner and theme pages
    "view_dashboard":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_partner":          (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "view_theme":            (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    # Governance: boards, meetings, decisions
    "view_structure":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_meetings":         (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_meeting":          (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "view_decisions":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "record_decision_get":   (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "record_decision_post":  (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "record_attendance_get": (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    "record_attendance_post": (OK,   OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    # The plan's statutory records
    "view_approvals":        (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "record_approval_get":   (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "record_approval_post":  (OK,    OK,    403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "view_assessment":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_consultation":     (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "view_equality":         (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "eqia_action_done_post": (OK,    OK,    403,   403,   403,   403,   403,   404,   SIGN_IN),
    # Next year's plan
    "roll_forward_get":      (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "roll_forward_post":     (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "delete_draft_post":     (OK,    403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    # The lead's update sheet: for those who may update actions; a pending upload is its uploader's
    "update_sheet_download_get": (OK, OK,   OK,    OK,    403,   403,   403,   OWN,   SIGN_IN),
    "update_sheet_upload_get": (OK,  OK,    OK,    OK,    403,   403,   403,   OWN,   SIGN_IN),
    "update_sheet_upload_post": (OK, OK,    OK,    OK,    403,   403,   403,   OWN,   SIGN_IN),
    "update_sheet_preview_get": (404, 404,  OK,    404,   403,   403,   403,   404,   SIGN_IN),
    "update_sheet_confirm_post": (404, 404, OK,    404,   403,   403,   403,   404,   SIGN_IN),
    # Whole-plan workbooks: loading a plan is the partnership admin's; exporting is any member's
    "plan_workbooks_get":    (OK,    OK,    OK,    OK,    OK,    OK,    OK,    OWN,   SIGN_IN),
    "plan_workbook_template_get": (OK, 403, 403,   403,   403,   403,   403,   OK,    SIGN_IN),
    "plan_workbook_upload_get": (OK, 403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "plan_workbook_upload_post": (OK, 403,  403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "plan_workbook_preview_get": (OK, 403,  403,   403,   403,   403,   403,   404,   SIGN_IN),
    "plan_workbook_confirm_post": (OK, 403, 403,   403,   403,   403,   403,   404,   SIGN_IN),
    "view_plan_workbook_plan": (OK,  OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "export_plan_xlsx":      (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    "export_plan_csv":       (OK,    OK,    OK,    OK,    OK,    OK,    OK,    404,   SIGN_IN),
    # People: the partnership admin invites and deactivates; the site administrator (a superuser, none
    # of these columns) creates partnerships
    "view_people":           (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "invite_get":            (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "invite_post":           (OK,    403,   403,   403,   403,   403,   403,   OWN,   SIGN_IN),
    "resend_invitation_post": (OK,   403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "revoke_invitation_post": (OK,   403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "deactivate_member_post": (OK,   403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "reactivate_member_post": (OK,   403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "unlink_member_get":     (OK,    403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "unlink_member_post":    (OK,    403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "invite_named_people_post": (OK, 403,   403,   403,   403,   403,   403,   404,   SIGN_IN),
    "view_partnerships":     (403,   403,   403,   403,   403,   403,   403,   403,   SIGN_IN),
    "new_partnership_get":   (403,   403,   403,   403,   403,   403,   403,   403,   SIGN_IN),
    "new_partnership_post":  (403,   403,   403,   403,   403,   403,   403,   403,   SIGN_IN),
}
# fmt: on
EXPECTED = {(role, op): cell for op, row in MATRIX.items() for role, cell in zip(ROLES, row, strict=True)}

# Cells where the app does not yet give the matrix's answer: (role, op) -> what is wrong and where.
# Each is a strict xfail, so fixing the view makes the test fail until its line here is removed.
KNOWN_BUGS: dict[tuple[str, str], str] = {}
