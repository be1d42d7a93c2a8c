from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<slug:slug>/", views.public_plan, name="public_plan"),
]
