"""A member logs in, finds their partner on /programme/partnership/, and answers the
two-week check-in through the link in its e-mail (no log-in needed), with no console
errors on the way."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from members.factories import MEMBER_PASSWORD, MemberProfileFactory
from programme import emails
from programme.models import (
    Application,
    CheckIn,
    Partnership,
    PartnershipMember,
    Round,
    SentEmail,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def partnership(member):
    """`member` (Aroha Tane, NZ) partnered with Kwame Asante (GH) in a round that started
    two weeks ago; the introduction went out then."""
    now = timezone.now()
    round_ = Round.objects.create(
        name="Round Browser",
        slug="round-browser",
        applications_open=now - datetime.timedelta(days=60),
        applications_close=now - datetime.timedelta(days=30),
        partnership_start=timezone.localdate() - datetime.timedelta(days=14),
        state=Round.State.RUNNING,
    )
    kwame = MemberProfileFactory(
        display_name="Kwame Asante",
        country="GH",
        institution="Balme Library",
        role="Archivist",
        time_zone="Africa/Accra",
    )
    partnership = Partnership.objects.create(round=round_)
    Partnership.objects.filter(pk=partnership.pk).update(
        created_at=now - datetime.timedelta(days=20)
    )
    for profile in (member, kwame):
        application = Application.objects.create(
            round=round_,
            member=profile,
            country=profile.country,
            sector="public",
            career_stage="mid",
            interests=["outreach"],
            time_zone=profile.time_zone or "UTC",
            english_confirmed=True,
            code_of_conduct_accepted=True,
        )
        membership = PartnershipMember.objects.create(
            partnership=partnership,
            application=application,
            member=profile,
            country=profile.country,
        )
        SentEmail.objects.create(membership=membership, kind=SentEmail.Kind.INTRODUCTION)
    return partnership


def test_a_member_sees_their_partner_and_answers_a_check_in(
    live_server, site_tree, member, partnership, page, settings
):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(member.user.email)
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url("**/members/me/")

    page.goto(live_server.url + "/programme/partnership/")
    assert page.locator("h1").inner_text() == "My partnership"
    card = page.locator(".partner-card")
    assert card.count() == 1
    assert "Kwame Asante" in card.inner_text()
    assert "Archivist, Balme Library" in card.inner_text()
    kwame = PartnershipMember.objects.exclude(member=member).get().member
    assert card.get_by_role("link", name=kwame.user.email).get_attribute("href") == (
        f"mailto:{kwame.user.email}"
    )
    assert page.locator(".round-calendar__item--today").count() == 1

    # The two-week check-in goes out; its links point at the live server.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    report = emails.send_due()
    assert report.sent == {SentEmail.Kind.CHECK_IN_TWO_WEEKS: 2}
    (message,) = [m for m in mail.outbox if m.to == [member.user.email]]
    links = dict(
        re.findall(r"- (.+):\n  (http\S+)", message.body),
    )
    assert list(links) == [
        "Yes, every week",
        "Yes, every two weeks",
        "Yes, about once a month",
        "Not yet",
        "My partner has not replied",
    ]

    # In a fresh browser context: no session needed.
    context = page.context.browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.goto(links["Yes, every two weeks"])
    assert tab.locator("h1").inner_text() == "Two-week check-in"
    assert "Yes, every two weeks" in tab.locator(".link-page__answer").inner_text()
    assert not CheckIn.objects.exists()
    confirm = tab.get_by_role("button", name="Confirm")
    assert confirm.evaluate("button => document.activeElement === button")
    confirm.click()
    tab.wait_for_url("**/thanks/")
    assert tab.locator("h1").inner_text() == "Thank you"
    check_in = CheckIn.objects.get()
    assert check_in.membership.member == member
    assert check_in.in_contact and check_in.frequency == CheckIn.Frequency.FORTNIGHTLY
    context.close()
    assert errors == []
    assert page.console_errors == []
