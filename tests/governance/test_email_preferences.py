"""/accounts/emails/: each person switches their own optional emails on and off."""

from django.urls import reverse

from governance.models import EmailPreferences
from governance.outbox import wants

URL = reverse("email_preferences")


def test_everything_is_on_until_someone_switches_it_off(client, viewer):
    client.force_login(viewer)
    content = client.get(URL).content.decode()
    assert content.count('checked="checked"') == 3
    assert "Daily summary of updates submitted and accepted" in content
    assert "reminders before and after an update deadline" in content
    assert all(wants(viewer, name) for name in ("digests", "comments", "pack_issued"))


def test_switching_emails_off_and_on_again(client, lead_a):
    client.force_login(lead_a)
    response = client.post(URL, {"wanted": ["pack_issued"]})
    assert response.status_code == 302 and response.url == URL
    preferences = EmailPreferences.objects.get(user=lead_a)
    assert (preferences.digests, preferences.comments, preferences.pack_issued) == (False, False, True)
    assert "Your email choices have been saved" in client.get(URL).content.decode()
    client.post(URL, {"wanted": ["digests", "comments", "pack_issued"]})
    preferences.refresh_from_db()
    assert preferences.digests and preferences.comments


def test_reminders_cannot_be_switched_off(client, lead_a):
    client.force_login(lead_a)
    content = client.post(URL, {"wanted": ["reminders"]}).content.decode()
    assert "<title>Error:" in content and "Choose from the emails listed" in content
    assert not EmailPreferences.objects.filter(user=lead_a).exists()


def test_each_person_changes_only_their_own(client, lead_a, lead_b):
    client.force_login(lead_a)
    client.post(URL, {"wanted": []})
    assert not EmailPreferences.objects.filter(user=lead_b).exists()
    assert EmailPreferences.objects.get(user=lead_a).digests is False


def test_signing_in_is_needed(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response.url
