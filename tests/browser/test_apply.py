"""A member logs in, follows the home page's "Apply now", applies to the open round, and
finds the application on their own page, with no console errors on the way."""

import datetime

import pytest
from django.utils import timezone

from members.factories import MEMBER_PASSWORD
from programme.models import Application, Round

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def open_round(db):
    now = timezone.now()
    return Round.objects.create(
        name="Round Browser",
        slug="round-browser",
        applications_open=now - datetime.timedelta(days=1),
        applications_close=now + datetime.timedelta(days=10),
        partnership_start=(now + datetime.timedelta(days=24)).date(),
        state=Round.State.OPEN,
    )


def test_a_member_applies_from_the_home_page(live_server, site_tree, member, open_round, page):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(member.user.email)
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url("**/members/me/")

    page.goto(live_server.url + "/")
    call = page.locator("section.cta")
    assert "Round Browser" in call.inner_text()
    call.get_by_role("link", name="Apply now").click()
    page.wait_for_url("**/programme/apply/")
    assert page.locator("h1").inner_text() == "Apply to Round Browser"

    assert page.get_by_label("Country").input_value() == "NZ"  # from the profile
    page.get_by_label("Role").fill("School librarian")
    page.get_by_role("textbox", name="Interests").fill("reading clubs, te reo")
    page.get_by_label("Time zone").select_option("Pacific/Auckland")
    page.get_by_label("Why do you want to take part?").fill(
        "To see how a school library elsewhere runs its reading clubs."
    )
    page.get_by_label("Someone who shares my interests").check()
    page.get_by_label("Hours available a week").fill("3")
    page.get_by_label("I can correspond with my partner in English.").check()
    page.get_by_label("I have read and accept the code of conduct.").check()
    page.get_by_role("button", name="Send my application").click()

    page.wait_for_load_state()
    assert page.url == live_server.url + "/programme/apply/"
    assert (
        "Thank you! Your application has been received." in page.locator(".messages").inner_text()
    )
    assert "You have applied to this round" in page.locator(".callout").inner_text()
    application = Application.objects.get(member=member, round=open_round)
    assert application.status == Application.Status.SUBMITTED
    assert application.interests == ["reading clubs", "te reo"]

    page.goto(live_server.url + "/members/me/")
    panel = page.locator("section", has=page.locator("#applications-heading"))
    row = panel.locator("tbody tr")
    assert row.count() == 1
    assert "Round Browser" in row.inner_text() and "Submitted" in row.inner_text()
    assert page.console_errors == []
