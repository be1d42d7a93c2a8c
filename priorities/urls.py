"""The plan's statutory records, beside the governance pages: /governance/plan/approvals/ and so on."""

from django.urls import path

from . import governance_views as views

app_name = "priorities"
urlpatterns = [
    path("plan/approvals/", views.approvals_trail, name="approvals"),
    path("plan/approvals/new/", views.record_approval, name="record_approval"),
    path("assessment/", views.assessment, name="assessment"),
    path("consultation/", views.consultation, name="consultation"),
    path("equality/", views.equality, name="equality"),
    path("equality/actions/<int:pk>/done/", views.mark_eqia_action_done, name="eqia_action_done"),
]
