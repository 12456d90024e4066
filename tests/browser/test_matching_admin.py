"""A coordinator who never opens a terminal matches a closed round in the Wagtail admin:
runs the matching, pins a pair and re-runs around it, swaps two members, and publishes, with
no console errors on the way."""

import os

import pytest
from django.contrib.auth.models import Group

from members.factories import MEMBER_PASSWORD, UserFactory
from programme.models import Partnership, Proposal, Round
from tests.programme.test_admin import applicant, groups_of, make_round

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOT = os.environ.get("MATCHING_SCREENSHOT", "/tmp/matching_review.png")

# Twelve applicants from twelve countries: any pin or swap among them keeps the hard rules.
APPLICANTS = [
    ("Ana Lima", "BR", "public", "early", ["outreach", "reading clubs"], "America/Sao_Paulo"),
    ("Kofi Mensah", "GH", "academic", "mid", ["metadata"], "Africa/Accra"),
    ("Mere Tau", "NZ", "school", "student", ["outreach"], "Pacific/Auckland"),
    ("Priya Nair", "IN", "academic", "senior", ["metadata", "reading clubs"], "Asia/Kolkata"),
    ("Chloé Martin", "FR", "public", "early", ["outreach"], "Europe/Paris"),
    ("Wanjiru Kamau", "KE", "public", "mid", ["outreach", "metadata"], "Africa/Nairobi"),
    ("Jose Santos", "PH", "school", "early", ["reading clubs"], "Asia/Manila"),
    ("Emma Tremblay", "CA", "academic", "senior", ["metadata"], "America/Toronto"),
    (
        "Sofía Gómez",
        "AR",
        "national",
        "mid",
        ["digital preservation"],
        "America/Argentina/Buenos_Aires",
    ),
    ("Yuki Sato", "JP", "academic", "early", ["metadata", "digital preservation"], "Asia/Tokyo"),
    ("Lena Vogel", "DE", "public", "senior", ["outreach", "digital preservation"], "Europe/Berlin"),
    ("Omar Haddad", "JO", "special", "mid", ["reading clubs", "outreach"], "Asia/Amman"),
]


def test_a_coordinator_matches_adjusts_and_publishes_a_round(live_server, page, settings):
    # The admin's avatars come from gravatar.com unless this is off (the test has no network).
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    round_ = make_round("Spring 2026")
    people = {person[0]: applicant(round_, *person) for person in APPLICANTS}
    coordinator = UserFactory(username="coordinator", is_staff=True)
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    page.set_viewport_size({"width": 1440, "height": 900})

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    # From the Rounds listing to the round, and on to its matching.
    page.goto(f"{live_server.url}/admin/programme/rounds/")
    page.get_by_role("link", name="Spring 2026").click()
    page.wait_for_url(f"**/admin/programme/rounds/edit/{round_.pk}/")
    page.get_by_role("link", name="Run the matching").click()
    page.wait_for_url(f"**/admin/programme/rounds/matching/{round_.pk}/")
    assert "No matching has been run" in page.locator("main").inner_text()

    page.get_by_role("button", name="Run the matching").click()
    page.wait_for_load_state()
    messages = page.locator(".messages")
    messages.get_by_text("Matching stored: 6 pairs").wait_for()
    groups = page.locator("table.programme-groups tbody tr")
    assert groups.count() == 6
    assert "Ana Lima" in page.locator("table.programme-groups").inner_text()

    # Pin two who are not partners yet, then run again around the pin.
    proposed = sorted(sorted(ids) for ids in groups_of(round_))
    first, second = proposed[0][0], proposed[1][0]
    pin_form = page.get_by_role("form", name="Pin or forbid a pair")
    pin_form.get_by_label("First application id").fill(str(first))
    pin_form.get_by_label("Second application id").fill(str(second))
    pin_form.get_by_role("button", name="Pin together").click()
    messages.get_by_text("are pinned together").wait_for()
    page.get_by_role("button", name="Run the matching again").click()
    messages.get_by_text("Matching stored").wait_for()
    assert frozenset((first, second)) in groups_of(round_)
    rules = page.locator("#matching-rules-section")
    assert "Pinned together" in rules.inner_text() and "kept" in rules.inner_text()

    # Swap two members of unpinned groups: both groups are scored again.
    unpinned = sorted(sorted(ids) for ids, group in groups_of(round_).items() if not group.pinned)
    a, c = unpinned[0][0], unpinned[1][0]
    swap_form = page.get_by_role("form", name="Swap two members")
    swap_form.get_by_label("First application id").fill(str(a))
    swap_form.get_by_label("Second application id").fill(str(c))
    swap_form.get_by_role("button", name="Swap").click()
    messages.get_by_text(f"Swapped {a} and {c}").wait_for()

    # The admin scrolls inside its own layout: a tall viewport shows the whole review.
    page.set_viewport_size({"width": 1440, "height": 3000})
    page.screenshot(path=SCREENSHOT)
    page.set_viewport_size({"width": 1440, "height": 900})

    # Filter to the weakest two groups.
    page.get_by_label("Only the weakest").fill("2")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**weakest=2**")
    assert groups.count() == 2

    # Publish, after the confirmation step.
    page.get_by_role("link", name="Publish…").first.click()
    page.wait_for_url(f"**/matching/{round_.pk}/publish/")
    assert "Publishing creates 6 partnerships of 12 people" in page.locator("main").inner_text()
    page.get_by_role("button", name="Yes, publish").click()
    page.wait_for_url(f"**/admin/programme/partnerships/?round={round_.pk}")
    messages.get_by_text("6 partnerships published").wait_for()
    assert "Ana Lima" in page.locator("main").inner_text()

    round_.refresh_from_db()
    assert round_.state == Round.State.RUNNING
    assert Partnership.objects.filter(round=round_).count() == 6
    assert Proposal.objects.filter(round=round_).exists()
    assert len(people) == 12
    assert page.console_errors == [], failed
