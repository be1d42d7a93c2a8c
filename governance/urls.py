from django.urls import path

from . import meeting_views, outbox_views, partnership_views, people_views, views

app_name = "governance"
urlpatterns = [
    path("partnerships/choose/", views.choose, name="choose"),
    path("partnerships/", partnership_views.partnerships, name="partnerships"),
    path("partnerships/new/", partnership_views.new_partnership, name="new_partnership"),
    path("people/", people_views.people, name="people"),
    path("people/invite/", people_views.invite, name="invite"),
    path("people/invitations/<int:pk>/resend/", people_views.resend, name="resend_invitation"),
    path("people/invitations/<int:pk>/revoke/", people_views.revoke, name="revoke_invitation"),
    path("people/<int:pk>/deactivate/", people_views.deactivate, name="deactivate_member"),
    path("people/<int:pk>/reactivate/", people_views.reactivate, name="reactivate_member"),
    path("people/<int:pk>/unlink/", people_views.unlink, name="unlink_member"),
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
