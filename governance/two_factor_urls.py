"""The two-factor pages (governance/two_factor_views.py), under /accounts/two-factor/."""

from django.urls import path

from . import two_factor_views as views

app_name = "two_factor"
urlpatterns = [
    path("", views.manage, name="manage"),
    path("set-up/", views.set_up, name="set_up"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("verify/", views.verify, name="verify"),
    path("recovery/", views.recovery, name="recovery"),
    path("new-recovery-codes/", views.new_recovery_codes, name="new_recovery_codes"),
    path("turn-off/", views.turn_off, name="turn_off"),
]
