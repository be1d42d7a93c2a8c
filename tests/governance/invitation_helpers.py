"""Shared by the invitation tests: the link in an email, and following it."""

import re

from django.core import mail

LINK = re.compile(r"https?://\S+/accounts/invitation/\S+/")
GOOD_PASSWORD = "four words for a new password"


def link_in(message) -> str:
    [link] = LINK.findall(message.body)
    return link


def last_link() -> str:
    return link_in(mail.outbox[-1])


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def accept(client, link: str, password: str = GOOD_PASSWORD):
    """Follow an emailed link and choose a password; the response to the POST."""
    client.get(path_of(link))
    return client.post("/accounts/invitation/", {"new_password1": password, "new_password2": password})
