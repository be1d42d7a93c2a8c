"""Searching the plan's actions: their titles and officer, and what their updates and comments say
(issue 16, item 8).

On PostgreSQL it is full-text search with English stemming ("patrolling" finds "patrols"), written
as people type into a search engine (quotes for a phrase, "-" to leave a word out), ranked, with the
matching words of the best-matching update or comment shown in context. The GIN indexes over the
same expressions are made by migration 0007, on PostgreSQL only. SQLite, the database for trying
the app out, has no full-text search here: it finds the words as typed, anywhere, unranked.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Action, ActionUpdate, UpdateComment

CONFIG = "english"
# The indexed expressions: migration 0007 indexes exactly these, so the planner can use its indexes.
ACTION_VECTOR = SearchVector("overall_objective", "objective", "responsible_officer", config=CONFIG)
UPDATE_VECTOR = SearchVector("progress", "recovery_plan", "outcomes", config=CONFIG)
COMMENT_VECTOR = SearchVector("body", config=CONFIG)
# Marks around the matched words: control characters nobody types, so the snippet can be escaped and
# the marks then turned into <mark>. A stray one in stored text could only add a highlight, not markup.
_START, _STOP = "\x02", "\x03"


def full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def search_actions(actions: QuerySet[Action], text: str) -> QuerySet[Action]:
    """The actions whose words, or whose updates' or comments' words, match `text`; on PostgreSQL
    ranked best first within each priority, with `search_snippet_raw` to show why each matched."""
    if not full_text(actions):
        return _contains(actions, text)
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    updates = ActionUpdate.objects.annotate(found=UPDATE_VECTOR).filter(found=query, action=OuterRef("pk"))
    comments = UpdateComment.objects.annotate(found=COMMENT_VECTOR).filter(
        found=query, update__action=OuterRef("pk")
    )
    best_update = updates.annotate(rank=SearchRank(UPDATE_VECTOR, query)).order_by("-rank", "-period__start")
    best_comment = comments.annotate(rank=SearchRank(COMMENT_VECTOR, query)).order_by("-rank", "-created_at")
    return (
        actions.annotate(found=ACTION_VECTOR)
        .filter(
            Q(found=query)
            # Item numbers and part of an officer's name, as people type them, are not words.
            | Q(reference__istartswith=text)
            | Q(responsible_officer__icontains=text)
            | Exists(updates)
            | Exists(comments)
        )
        .annotate(
            search_rank=SearchRank(ACTION_VECTOR, query) + _rank(best_update) + _rank(best_comment),
            # The best-matching update's words, else the best-matching comment's.
            search_snippet_raw=Coalesce(
                Subquery(best_update.annotate(snippet=_update_snippet(query)).values("snippet")[:1]),
                Subquery(best_comment.annotate(snippet=_comment_snippet(query)).values("snippet")[:1]),
                Value(""),
                output_field=TextField(),
            ),
        )
        .order_by("priority__order", "-search_rank", "order", "id")
    )


def _rank(ranked: QuerySet) -> Coalesce:
    """The best row's rank, or 0 when none matches."""
    return Coalesce(Subquery(ranked.values("rank")[:1]), Value(0.0), output_field=FloatField())


def _headline(expression, query: SearchQuery) -> SearchHeadline:
    return SearchHeadline(
        expression, query, config=CONFIG, start_sel=_START, stop_sel=_STOP, max_words=25, min_words=10
    )


def _update_snippet(query: SearchQuery) -> Concat:
    """'2020 Q2 update: ...the matched words...', from its progress, what is being done and outcomes."""
    text = Concat("progress", Value(" "), "recovery_plan", Value(" "), "outcomes", output_field=TextField())
    return Concat(F("period__label"), Value(" update: "), _headline(text, query), output_field=TextField())


def _comment_snippet(query: SearchQuery) -> Concat:
    return Concat(Value("Comment: "), _headline("body", query), output_field=TextField())


def _contains(actions: QuerySet[Action], text: str) -> QuerySet[Action]:
    in_updates = ActionUpdate.objects.filter(action=OuterRef("pk")).filter(
        Q(progress__icontains=text) | Q(recovery_plan__icontains=text) | Q(outcomes__icontains=text)
    )
    in_comments = UpdateComment.objects.filter(update__action=OuterRef("pk"), body__icontains=text)
    return actions.filter(
        Q(reference__icontains=text)
        | Q(objective__icontains=text)
        | Q(overall_objective__icontains=text)
        | Q(responsible_officer__icontains=text)
        | Exists(in_updates)
        | Exists(in_comments)
    )


def snippet(raw: str) -> SafeString:
    """A search snippet as HTML: the text escaped, the matched words in <mark>."""
    return mark_safe(escape(raw).replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308
