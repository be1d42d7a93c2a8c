"""Signing in and out, and your password: Django's views with our forms and templates (SEC-07, SEC-08).

Listed here rather than including django.contrib.auth.urls, so that each URL has one view. The names
are Django's own, without a namespace, because Django's views redirect to each other by them.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import email_views, invitation_views, oidc_views, password_reset
from .password_forms import ChangePasswordForm
from .sign_in_views import SignInView

urlpatterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", oidc_views.sign_out, name="logout"),
    path("signed-out/", oidc_views.signed_out, name="signed_out"),
    # Signing in with your own organisation's account (governance/oidc.py).
    path("oidc/<slug:slug>/start/", oidc_views.start, name="oidc_start"),
    path("oidc/<slug:slug>/callback/", oidc_views.callback, name="oidc_callback"),
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(form_class=ChangePasswordForm),
        name="password_change",
    ),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password_reset/", password_reset.request_reset, name="password_reset"),
    path("password_reset/done/", password_reset.link_sent, name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        password_reset.ChooseNewPassword.as_view(),
        name="password_reset_confirm",
    ),
    path("emails/", email_views.email_preferences, name="email_preferences"),
    path("invitation/", invitation_views.accept_invitation, name="invitation_accept"),
    path("invitation/<str:token>/", invitation_views.invitation_link, name="invitation_link"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
