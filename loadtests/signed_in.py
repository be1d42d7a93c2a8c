"""Signing in as a demo user, through the sign-in form as a person does: shared by the locust files."""

import re

from locust import HttpUser

PASSWORD = "demo-walsall-2020"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SignedIn(HttpUser):
    """A demo user, `email`, who signs in before their first task."""

    abstract = True
    email = ""

    def on_start(self):
        page = self.client.get("/accounts/login/", name="sign in (form)")
        self.client.post(
            "/accounts/login/",
            {"username": self.email, "password": PASSWORD, "csrfmiddlewaretoken": CSRF.search(page.text)[1]},
            name="sign in",
        )
