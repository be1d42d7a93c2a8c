"""Whole-plan workbooks: the template, importing a plan, exporting a plan (issue 6)."""

from django.urls import path  # noqa: F401

app_name = "plan_workbook"

urlpatterns: list = []
