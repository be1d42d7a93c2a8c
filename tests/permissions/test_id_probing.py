"""Sequential ids tell an outsider nothing: another partnership's object answers exactly as a missing
one does, whatever the outsider's role, even for a Django superuser (SEC-05)."""

import re
import uuid

import pytest
from django.urls import resolve, reverse

from governance.models import Role
from tests import factories
from tests.permissions.clients import client_for
from tests.permissions.matrix import EXPECTED, MATRIX
from tests.permissions.operations import OPERATIONS, perform, snapshot

pytestmark = pytest.mark.usefixtures("two_factor_enforced")

MISSING = 10**9


def _normalised(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def _missing(value):
    """An id of the same kind that names nothing: a number, or a UUID for pending uploads."""
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=0)
    return MISSING if isinstance(value, int) else value


def _with_missing_ids(url: str) -> str:
    path, _, query = url.partition("?")
    match = resolve(path)
    kwargs = {key: _missing(value) for key, value in match.kwargs.items()}
    return reverse(match.view_name, kwargs=kwargs) + (f"?{query}" if query else "")


PROBED = [op for op in MATRIX if EXPECTED[("outsider", op)] == 404]


@pytest.mark.parametrize("op", PROBED)
def test_outsiders_probing_ids_get_the_same_404_for_real_and_missing_objects(op, w, users):
    """Sequential-ID probing leaks nothing: another partnership's object is 'Page not found'."""
    client, operation = client_for(users["outsider"]), OPERATIONS[op]
    url = operation.url(w)
    absent_url = _with_missing_ids(url)
    assert absent_url != url
    before = snapshot(w)

    real = getattr(client, operation.method)(url, operation.data(w))
    absent = getattr(client, operation.method)(absent_url, operation.data(w))

    assert (real.status_code, absent.status_code) == (404, 404)
    assert _normalised(real.content.decode()) == _normalised(absent.content.decode())
    assert snapshot(w) == before


@pytest.mark.parametrize("role", [Role.SECRETARY, Role.CONTRIBUTOR, Role.VIEWER])
def test_an_outsider_of_any_role_learns_nothing_from_ids(role, w):
    """The outsider column is an admin elsewhere; with any other role there, ids still tell nothing.

    Where the person's own role would refuse the change anyway (deleting a draft is for admins),
    they may be told 403 rather than 404, but the same for a real id as for a made-up one.
    """
    client = client_for(factories.make_user(w.elsewhere, role))
    before = snapshot(w)
    answers = {}
    for op in PROBED:
        operation = OPERATIONS[op]
        real = getattr(client, operation.method)(operation.url(w), operation.data(w))
        absent = getattr(client, operation.method)(_with_missing_ids(operation.url(w)), operation.data(w))
        same = _normalised(real.content.decode()) == _normalised(absent.content.decode())
        answers[op] = (real.status_code, absent.status_code, same)
    assert {
        op: answer for op, answer in answers.items() if answer not in ((404, 404, True), (403, 403, True))
    } == {}
    assert snapshot(w) == before


def test_a_django_superuser_of_another_partnership_is_still_an_outsider(w):
    """The partnership wall holds for everyone: Django's superuser flag is for /admin/, not for this."""
    superuser = factories.make_user(w.elsewhere, Role.ADMIN, is_staff=True, is_superuser=True)
    client = client_for(superuser)
    before = snapshot(w)
    refused = [op for op in MATRIX if EXPECTED[("outsider", op)] == 404]
    for op in refused:
        assert (op, perform(client, w, op).status_code) == (op, 404)
    assert snapshot(w) == before
