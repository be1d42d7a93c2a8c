from django.urls import path

from . import meeting_views, outbox_views, views

app_name = "governance"
urlpatterns = [
    path("partnerships/choose/", views.choose, name="choose"),
    path("governance/", views.structure, name="structure"),
    path("governance/meetings/", meeting_views.meetings, name="meetings"),
    path("governance/meetings/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path(
        "governance/meetings/<int:pk>/decisions/new/", meeting_views.record_decision, name="record_decision"
    ),
    path(
        "governance/meetings/<int:pk>/attendance/new/",
        meeting_views.record_attendance,
        name="record_attendance",
    ),
    path("outbox/", outbox_views.outbox, name="outbox"),
    path("governance/decisions/", meeting_views.decisions, name="decisions"),
]
