"""The site administrator's partnerships: the list, and creating one with its first admin's invitation.

Like the Django admin, these span the installation, so they are for superusers only (403 otherwise).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from .access import check_site_admin
from .models import Partnership
from .partnerships import create_partnership
from .people_forms import CreatePartnershipForm


@login_required
@require_safe
def partnerships(request: HttpRequest) -> HttpResponse:
    check_site_admin(request)
    found = Partnership.objects.annotate(
        people=Count("memberships", filter=Q(memberships__ended_at__isnull=True), distinct=True),
        waiting=Count(
            "invitations",
            filter=Q(invitations__accepted_at__isnull=True, invitations__revoked_at__isnull=True),
            distinct=True,
        ),
    ).order_by("name")
    return render(request, "governance/partnerships/index.html", {"partnerships": found})


@login_required
@require_http_methods(["GET", "POST"])
def new_partnership(request: HttpRequest) -> HttpResponse:
    check_site_admin(request)
    form = CreatePartnershipForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        partnership, invitation = create_partnership(
            name=data["name"],
            slug=data["slug"],
            area=data["area"],
            admin_email=data["admin_email"],
            admin_name=data["admin_name"],
            by=request.user,
            request=request,
        )
        messages.success(request, f"{partnership.name} created. Invitation sent to {invitation.email}")
        return redirect("governance:partnerships")
    return render(request, "governance/partnerships/new.html", {"form": form})
