"""A forgotten password reset in a real browser, by keyboard only, with axe-core on every page and
state (issue 20): from the sign-in page's link to the email, its link, a new password and signing in."""

import re

import pytest
from playwright.sync_api import Page, expect

from .test_update_cycle_journey import press_enter_on, type_into

pytestmark = pytest.mark.browser

VIEWER = "officer@demo.example"
NEW_PASSWORD = "a new passphrase for the board"


def test_a_forgotten_password_is_reset_by_keyboard(
    page: Page, demo_server, mailoutbox, settings, assert_no_axe_violations
):
    axe = assert_no_axe_violations
    base = settings.SITE_URL = demo_server.url
    heading = page.get_by_role("heading", level=1)
    page.goto(f"{base}/accounts/login/")

    press_enter_on(page, page.get_by_role("link", name="Forgotten your password?"))
    expect(page).to_have_title("Reset your password – Partnership plan manager")
    axe(page)
    send = page.get_by_role("button", name="Send the link")
    press_enter_on(page, send)
    expect(page).to_have_title(re.compile("^Error: Reset your password"))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your work email")
    axe(page)

    type_into(page, page.get_by_label("Work email"), VIEWER)
    press_enter_on(page, send)
    expect(heading).to_have_text("Check your email")
    axe(page)

    [message] = mailoutbox
    link = re.search(rf"{re.escape(base)}/accounts/reset/\S+/", message.body)[0]
    page.goto(link)  # as the email program opens it
    expect(heading).to_have_text("Choose a new password")
    axe(page)
    type_into(page, page.get_by_label("New password", exact=True), "12345")
    type_into(page, page.get_by_label("Confirm your new password"), "12345")
    press_enter_on(page, page.get_by_role("button", name="Save your new password"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("This password is too short")
    axe(page)
    type_into(page, page.get_by_label("New password", exact=True), NEW_PASSWORD, replace=True)
    type_into(page, page.get_by_label("Confirm your new password"), NEW_PASSWORD, replace=True)
    press_enter_on(page, page.get_by_role("button", name="Save your new password"))
    expect(heading).to_have_text("Your password has been reset")
    axe(page)

    press_enter_on(page, page.get_by_role("main").get_by_role("link", name="Sign in"))
    type_into(page, page.get_by_label("Work email"), VIEWER)
    type_into(page, page.get_by_label("Password"), NEW_PASSWORD)
    press_enter_on(page, page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("banner").get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(link)  # the link works once
    expect(heading).to_have_text("This link no longer works")
    axe(page)
