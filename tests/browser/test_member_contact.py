"""A librarian signs up, completes the profile (interests from the shared vocabulary plus a
suggestion, a time zone by its friendly name, messages allowed) and writes to another
member; the relayed e-mail arrives without the writer's address. All without JavaScript,
then the same pages on a phone in Arabic."""

import re

import pytest
from django.core import mail

from members.factories import MemberProfileFactory
from members.models import MemberProfile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MESSAGE = "Olá Kwame! I run reading clubs in São Paulo and would love to compare notes."


def test_sign_up_complete_the_profile_and_write_to_a_member(live_server, site_tree, browser):
    kwame = MemberProfileFactory(
        display_name="Kwame Asante",
        country="GH",
        accepts_messages=True,
        interests=["community outreach"],
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    # A members-only page says why it needs a log-in.
    page.goto(live_server.url + "/members/")
    assert "/accounts/login/?next=/members/" in page.url
    assert (
        "The members directory is for members of the network only"
        in page.locator("main").inner_text()
    )

    page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign up").click()
    assert page.locator("h1").inner_text() == "Sign up"
    assert "Signing up is not applying to a round" in page.locator("main").inner_text()
    page.locator("#id_email").fill("ana.lima@example.org")
    page.locator("#id_password1").fill("a-l0ng-pass-phrase")
    page.locator("#id_password2").fill("a-l0ng-pass-phrase")
    page.get_by_role("button", name="Sign up").click()

    page.wait_for_url("**/members/me/edit/")
    assert page.locator("h1").inner_text() == "Complete your profile"
    # The address confirmation greets nobody by a generated username, and names the site.
    (confirmation,) = mail.outbox
    assert confirmation.subject.startswith("[ILN Portal] ")
    assert (
        "ILN Portal" in confirmation.body and "localhost" not in confirmation.body.split("http")[0]
    )
    mail.outbox.clear()
    assert page.get_by_text("Remove my photo").count() == 0
    page.get_by_label("Display name").fill("Ana Lima")
    page.get_by_label("Country").select_option("BR")
    page.get_by_label("Institution").fill("Biblioteca Mário de Andrade")
    page.get_by_label("Library sector").select_option("public")
    page.get_by_label("Career stage").select_option("early")
    page.get_by_role("checkbox", name="community outreach").check()
    page.get_by_label("Suggest other interests").fill("reading clubs")
    page.get_by_label("Time zone").select_option(label="Sao Paulo (Brasilia Time, UTC-03:00)")
    page.get_by_role("checkbox", name="Other members may write to me").check()
    page.get_by_role("button", name="Save my profile").click()

    page.wait_for_url("**/members/me/")
    main = page.locator("main").inner_text()
    assert "Sao Paulo (Brasilia Time, UTC-03:00)" in main
    assert "community outreach, reading clubs" in main
    ana = MemberProfile.objects.get(user__email="ana.lima@example.org")
    assert ana.time_zone == "America/Sao_Paulo" and ana.accepts_messages

    # Back on the form, Brazil's zones come first.
    page.goto(live_server.url + "/members/me/edit/")
    first_group = page.locator("#id_time_zone optgroup").first
    assert first_group.get_attribute("label") == "In Brazil"

    page.get_by_role("navigation", name="Account").get_by_role("link", name="Members").click()
    page.get_by_role("link", name="Kwame Asante").click()
    page.get_by_role("link", name="Write to Kwame Asante").click()
    page.get_by_label("Your message").fill("Hi")
    page.get_by_role("button", name="Send my message").click()
    assert "Nothing has been sent yet" in page.locator("main").inner_text()
    assert mail.outbox == []

    page.get_by_label("Your message").fill(MESSAGE)
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(f"**{kwame.get_absolute_url()}")
    assert "Your message has been sent to Kwame Asante" in page.locator(".messages").inner_text()

    assert len(mail.outbox) == 1
    relayed = mail.outbox[0]
    assert relayed.to == [kwame.user.email]
    assert MESSAGE in relayed.body and "Ana Lima" in relayed.body
    assert "ana.lima@example.org" not in str(relayed.message())
    assert re.search(r"/members/messages/answer/\S+/", relayed.body)
    context.close()


def test_the_member_pages_on_a_phone_in_arabic(live_server, site_tree, browser):
    writer = MemberProfileFactory(display_name="Ana Lima", country="BR")
    kwame = MemberProfileFactory(display_name="Kwame Asante", country="GH", accepts_messages=True)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/ar/accounts/login/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#id_login").fill(writer.user.email)
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    for path in ("/ar/members/me/edit/", f"/ar/members/{kwame.pk}/contact/"):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
    context.close()
