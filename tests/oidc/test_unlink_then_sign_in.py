"""After the partnership admin unlinks someone, their next sign-in at the provider links afresh by
verified email (governance/people_views.py unlink, then governance/federated_sign_in.py)."""

import pytest
from django.urls import reverse

from governance.models import FederatedIdentity, Membership, Role
from tests.factories import make_partnership, make_user

from .real_provider import ACCOUNTS, make_identity_provider, sign_in_with_provider

pytestmark = pytest.mark.django_db
EMAIL = {account["sub"]: account["email"] for account in ACCOUNTS}


def test_an_unlinked_person_is_linked_again_at_their_next_sign_in(client, oidc_issuer):
    provider = make_identity_provider(oidc_issuer)
    partnership = make_partnership("Testshire Community Safety Partnership")
    admin = make_user(partnership, Role.ADMIN)
    lead = make_user(partnership, Role.CONTRIBUTOR, email=EMAIL["p-lead"])
    FederatedIdentity.objects.create(user=lead, provider=provider, subject="an-old-account-at-the-provider")
    client.force_login(admin)
    unlink = reverse("governance:unlink_member", args=[Membership.objects.get(user=lead).pk])

    assert client.post(unlink).status_code == 302
    client.logout()
    response = sign_in_with_provider(client, "p-lead")

    assert response.status_code == 302 and client.session["_auth_user_id"] == str(lead.pk)
    assert FederatedIdentity.objects.get(user=lead, provider=provider).subject == "p-lead"
