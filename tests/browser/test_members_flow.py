"""A librarian signs up, completes the profile and finds it in the members directory,
with no console errors on the way."""

import pytest

from members.factories import MemberProfileFactory
from members.models import MemberProfile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sign_up_edit_profile_and_find_it_in_the_directory(live_server, site_tree, page):
    MemberProfileFactory(display_name="Someone Else", country="FR")

    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign up").click()
    page.locator("#id_email").fill("ana.lima@example.org")
    page.locator("#id_password1").fill("a-l0ng-pass-phrase")
    page.locator("#id_password2").fill("a-l0ng-pass-phrase")
    page.get_by_role("button", name="Sign up").click()

    # A new member lands on the profile form.
    page.wait_for_url("**/members/me/edit/")
    assert page.locator("h1").inner_text() == "Complete your profile"
    page.get_by_label("Display name").fill("Ana Lima")
    page.get_by_label("Country").select_option("BR")
    page.get_by_label("Institution").fill("Biblioteca Mário de Andrade")
    page.get_by_label("Library sector").select_option("public")
    page.get_by_label("Career stage").select_option("early")
    page.get_by_label("Suggest other interests").fill("reading clubs, outreach")
    page.get_by_label("Time zone").select_option("America/Sao_Paulo")
    page.get_by_role("button", name="Save my profile").click()

    page.wait_for_url("**/members/me/")
    assert "Your profile has been saved." in page.locator(".messages").inner_text()
    assert page.locator("h1").inner_text() == "Ana Lima"

    page.get_by_role("navigation", name="Account").get_by_role("link", name="Members").click()
    page.wait_for_url("**/members/")
    page.get_by_label("Name or institution").fill("mário")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/members/?*")
    cards = page.locator(".member-card")
    assert cards.count() == 1
    cards.get_by_role("link", name="Ana Lima").click()

    profile = MemberProfile.objects.get(user__email="ana.lima@example.org")
    page.wait_for_url(f"**{profile.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Ana Lima"
    assert "Biblioteca Mário de Andrade" in page.locator("main").inner_text()
    assert page.console_errors == []
