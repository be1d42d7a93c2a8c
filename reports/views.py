from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/home.html", {})


def public_plan(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "reports/public_plan.html", {})
