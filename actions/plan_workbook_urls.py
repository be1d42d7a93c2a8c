"""Whole-plan workbooks: the template, importing a plan, exporting a plan (issue 6)."""

from django.urls import path

from . import plan_workbook_views as views

app_name = "plan_workbook"

urlpatterns = [
    path("plan-workbooks/", views.index, name="index"),
    path("plan-workbooks/template/", views.template_download, name="template"),
    path("plan-workbooks/import/", views.upload, name="upload"),
    path("plan-workbooks/import/<uuid:pk>/", views.preview, name="preview"),
    path("plan-workbooks/import/<uuid:pk>/confirm/", views.confirm, name="confirm"),
    path("plan-workbooks/plans/<int:pk>/", views.plan_summary, name="plan"),
    path("plan-workbooks/plans/<int:pk>/export/", views.export, name="export"),
    path("plan-workbooks/plans/<int:pk>/people/", views.invite_named_people, name="invite_named_people"),
]
