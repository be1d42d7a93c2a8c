from django.urls import path

from . import (
    board_note_views,
    bulk_review_views,
    chase_views,
    evidence_views,
    reading_views,
    review_views,
    roll_forward_views,
    update_views,
    views,
)
from .update_sheet import views as update_sheet_views

app_name = "actions"
urlpatterns = [
    path("start/", views.start, name="start"),
    path("actions/", views.plan_actions, name="plan"),
    path("actions/<int:pk>/", views.action_detail, name="detail"),
    path("my-updates/", update_views.my_updates, name="my_updates"),
    path("my-updates/sheet/download/", update_sheet_views.download, name="update_sheet_download"),
    path("my-updates/sheet/upload/", update_sheet_views.upload, name="update_sheet_upload"),
    path("my-updates/sheet/<uuid:pk>/", update_sheet_views.preview, name="update_sheet_preview"),
    path("my-updates/sheet/<uuid:pk>/confirm/", update_sheet_views.confirm, name="update_sheet_confirm"),
    path("actions/<int:pk>/updates/<int:period_pk>/", update_views.edit_update, name="edit_update"),
    path("measures/<int:pk>/readings/<int:period_pk>/", reading_views.edit_reading, name="edit_reading"),
    path("updates/<int:pk>/comments/", update_views.add_comment, name="add_comment"),
    path("updates/<int:pk>/evidence/", evidence_views.upload, name="upload_evidence"),
    path("evidence/<int:pk>/", evidence_views.download, name="evidence"),
    path("evidence/<int:pk>/delete/", evidence_views.delete, name="delete_evidence"),
    path("review/", review_views.review, name="review"),
    path("review/<int:period_pk>/", review_views.review_period, name="review_period"),
    path("review/updates/<int:pk>/", review_views.review_update, name="review_update"),
    path("review/<int:period_pk>/accept/", bulk_review_views.bulk_accept, name="bulk_accept"),
    path("review/<int:period_pk>/chase/", chase_views.chase_list, name="chase"),
    path("review/<int:period_pk>/chase/send/", chase_views.chase_send, name="chase_send"),
    path("review/<int:period_pk>/quarter/", review_views.manage_period, name="manage_period"),
    path("review/<int:period_pk>/board-notes/", board_note_views.board_notes, name="board_notes"),
    path(
        "review/<int:period_pk>/board-notes/commentary/<int:priority_pk>/",
        board_note_views.edit_commentary,
        name="edit_commentary",
    ),
    path("review/<int:period_pk>/board-notes/asks/", board_note_views.edit_asks, name="edit_asks"),
    path("review/board-notes/<int:pk>/", board_note_views.review_note, name="review_note"),
    path("plan/roll-forward/", roll_forward_views.roll_forward, name="roll_forward"),
    path("plan/drafts/<int:pk>/delete/", roll_forward_views.delete_draft, name="delete_draft"),
]
