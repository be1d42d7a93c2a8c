from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def plan_actions(request: HttpRequest) -> HttpResponse:
    return render(request, "actions/plan_actions.html", {})
