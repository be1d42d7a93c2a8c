"""The idle-timeout warning's endpoints (swp/session_timeout.py)."""

from django.urls import path

from . import session_timeout

app_name = "session"
urlpatterns = [
    path("extend/", session_timeout.extend, name="extend"),
    path("status/", session_timeout.status, name="status"),
]
