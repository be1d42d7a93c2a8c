"""Dashboard, partner and theme pages."""

from django.urls import path

from . import dashboard_views

urlpatterns = [
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("partners/<int:pk>/", dashboard_views.partner, name="partner"),
    path("themes/<int:pk>/", dashboard_views.theme, name="theme"),
]
