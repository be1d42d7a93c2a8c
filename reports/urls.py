from django.urls import path

from . import dashboard_urls, pack_urls, views

app_name = "reports"
urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<slug:slug>/", views.public_plan, name="public_plan"),
    *pack_urls.urlpatterns,
    *dashboard_urls.urlpatterns,
]
