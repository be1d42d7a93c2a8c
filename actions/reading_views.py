"""A priority lead entering a measure's reading for the quarter, from their updates page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from priorities import services
from priorities.access import get_measure_and_period_for_user
from priorities.forms import ReadingForm
from priorities.models import MeasureReading, ReportingPeriod


@login_required
def edit_reading(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    measure, period = get_measure_and_period_for_user(request, pk, period_pk, write=True)
    reading = (
        MeasureReading.objects.filter(measure=measure, period=period).select_related("entered_by").first()
    )
    initial = (
        {"version": 0}
        if reading is None
        else {"value": reading.value, "narrative": reading.narrative, "version": reading.version}
    )
    problem = (
        None if period.status == ReportingPeriod.Status.OPEN else f"{period.label} is not open for readings."
    )
    form = ReadingForm(
        request.POST if request.method == "POST" and not problem else None,
        measure=measure,
        period=period,
        initial=initial,
    )
    context = {"measure": measure, "period": period, "reading": reading, "form": form, "problem": problem}
    if request.method == "POST" and problem:
        return render(request, "actions/edit_reading.html", context, status=403)
    if form.is_bound and form.is_valid():
        try:
            services.record_reading(
                measure=measure,
                period=period,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                value=form.cleaned_data.get("value"),
                narrative=form.cleaned_data["narrative"].strip(),
            )
        except services.ReadingConflict as conflict:
            context["conflict"] = conflict.current
            form = ReadingForm(
                initial={**form.cleaned_data, "version": conflict.current.version},
                measure=measure,
                period=period,
            )
            return render(request, "actions/edit_reading.html", {**context, "form": form}, status=409)
        except services.PeriodNotOpen as refusal:
            return render(
                request, "actions/edit_reading.html", {**context, "problem": str(refusal)}, status=403
            )
        messages.success(request, f"Reading saved for {measure.title}")
        return redirect("actions:my_updates")
    return render(request, "actions/edit_reading.html", context)
