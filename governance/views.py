from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .access import choose_partnership, current_partnership, memberships_of
from .forms import ChoosePartnershipForm
from .models import Partnership


@login_required
def choose(request: HttpRequest) -> HttpResponse:
    mine = Partnership.objects.filter(memberships__user=request.user).order_by("name")
    current = current_partnership(request)
    form = ChoosePartnershipForm(
        # An empty radio group posts nothing, so ask the method rather than `request.POST or None`.
        request.POST if request.method == "POST" else None,
        partnerships=mine,
        initial={"partnership": current.pk if current else None},
    )
    if form.is_valid():
        choose_partnership(request, form.cleaned_data["partnership"])
        return redirect("actions:plan")
    return render(request, "governance/choose.html", {"form": form, "memberships": memberships_of(request)})
