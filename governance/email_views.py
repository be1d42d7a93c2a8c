"""A person's choice of optional emails. Everyone signed in may change their own, and only their own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .email_forms import EmailPreferencesForm
from .models import EmailPreferences


@login_required
def email_preferences(request: HttpRequest) -> HttpResponse:
    preferences = EmailPreferences.objects.filter(user=request.user).first() or EmailPreferences(
        user=request.user
    )
    # Unticking every box posts nothing but the CSRF token, which is still a choice to save.
    form = EmailPreferencesForm(request.POST if request.method == "POST" else None, preferences=preferences)
    if form.is_valid():
        form.save()
        messages.success(request, "Your email choices have been saved")
        return redirect("email_preferences")
    return render(request, "governance/email_preferences.html", {"form": form})
