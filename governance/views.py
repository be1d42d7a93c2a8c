from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, Prefetch, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .access import choose_partnership, current_partnership, get_partnership_for_user, memberships_of
from .forms import ChoosePartnershipForm
from .models import Board, BoardMember, Partnership

# Chair first, then vice chair, members, advisers and the secretary, as papers list them.
POSITION_RANK = Case(
    *[When(position=value, then=Value(rank)) for rank, value in enumerate(BoardMember.Position.values)],
    default=Value(len(BoardMember.Position.values)),
)


@login_required
def choose(request: HttpRequest) -> HttpResponse:
    mine = Partnership.objects.filter(
        memberships__user=request.user, memberships__ended_at__isnull=True
    ).order_by("name")
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


@login_required
def structure(request: HttpRequest) -> HttpResponse:
    """The partnership board and the groups beneath it, as a nested list; then the council bodies."""
    partnership = get_partnership_for_user(request)
    members = (
        BoardMember.objects.select_related("organisation").alias(rank=POSITION_RANK).order_by("rank", "id")
    )
    boards = list(
        partnership.boards.select_related("parent")
        .annotate(meeting_count=Count("meetings"))
        .prefetch_related(Prefetch("members", queryset=members))
        .order_by("order", "name")
    )
    beneath = defaultdict(list)
    for board in boards:
        beneath[board.parent_id].append(board)
    for board in boards:
        board.beneath = beneath[board.pk]
    top = beneath[None]
    boards_shown = [b for b in top if b.kind != Board.Kind.COUNCIL_BODY]
    council_bodies = [b for b in top if b.kind == Board.Kind.COUNCIL_BODY]
    _set_heading_levels(boards_shown, 2)
    _set_heading_levels(council_bodies, 3)  # under the page's "Council bodies" heading
    return render(
        request,
        "governance/structure.html",
        {
            "partnership": partnership,
            "boards": boards_shown,
            "council_bodies": council_bodies,
            "governance_page": "structure",
        },
    )


def _set_heading_levels(boards: list[Board], level: int, seen: frozenset[int] = frozenset()) -> None:
    """Each board's heading is one level below the board it reports to (h6 at most)."""
    for board in boards:
        board.heading_level = min(level, 6)
        if board.pk not in seen:  # the model refuses loops; this is belt and braces for the page
            _set_heading_levels(board.beneath, level + 1, seen | {board.pk})
