"""Issue #13, finding 9: a partner whose profile is members-only is named publicly only once
they agreed. Until then anonymous visitors read "a librarian in <country>" on the story,
the cards (home page, story index), search and the API; the member is told by e-mail when
a published story names them and answers on /members/me/."""

import pytest
from django.core import mail
from django.test import Client

from home.models import HomePageFeatured
from members.choices import Visibility
from members.factories import MemberProfileFactory
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory
from stories.models import PartnerNaming, PartnerNotice

pytestmark = pytest.mark.django_db

NAME = "Wanjiru Kamau"
INSTITUTION = "Kibera Reading Hub"


@pytest.fixture
def partner_profile(db):
    return MemberProfileFactory(
        display_name=NAME, country="KE", institution=INSTITUTION, visibility=Visibility.MEMBERS
    )


@pytest.fixture
def story(site_tree, partner_profile, django_capture_on_commit_callbacks):
    page = PartnerStoryPageFactory(
        parent=site_tree.stories, title="Bookmobiles in two cities", live=False
    )
    StoryPartnerFactory(page=page, name="Aroha Tane", country="NZ", institution="Te Puna")
    StoryPartnerFactory(page=page, name=NAME, country="KE", institution=INSTITUTION,
                        member=partner_profile)  # fmt: skip
    HomePageFeatured.objects.create(home=site_tree.home, page=page, sort_order=0)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def public_texts(client, story):
    """What an anonymous visitor reads about the story, wherever it appears."""
    urls = [
        story.url,
        "/",
        "/stories/",
        "/stories/feed/",
        "/search/?q=bookmobiles",
        f"/search/?q={NAME.split()[0]}",
        "/api/v2/pages/?type=stories.PartnerStoryPage&fields=*",
        f"/api/v2/pages/?search={NAME.split()[0]}",
        f"/api/v2/pages/{story.pk}/",
    ]
    return {url: client.get(url).content.decode() for url in urls}


def test_a_members_only_partner_is_not_named_to_anonymous_visitors(client, story):
    texts = public_texts(client, story)
    leaks = [url for url, text in texts.items() if NAME in text or INSTITUTION in text]
    assert leaks == []
    page = texts[story.url]
    assert "a librarian in Kenya" in page and "Aroha Tane" in page  # the public partner stays
    assert "a librarian in Kenya" in texts["/"] and "a librarian in Kenya" in texts["/stories/"]
    # The story is still found by its own words; not by the withheld name.
    assert story.title in texts["/search/?q=bookmobiles"]
    assert story.title not in texts[f"/search/?q={NAME.split()[0]}"]


def test_the_country_is_named_in_the_visitors_language(client, story):
    french = client.get("/fr" + story.url).content.decode()
    assert NAME not in french
    assert "Kenya" in french  # French for Kenya is Kenya; the sentence itself comes from .po


def test_logged_in_members_read_the_name(story, other_member):
    client = Client()
    client.force_login(other_member.user)
    page = client.get(story.url).content.decode()
    assert NAME in page and INSTITUTION in page


def test_the_member_is_told_once_when_a_published_story_names_them(
    story, partner_profile, django_capture_on_commit_callbacks
):
    to_partner = [message for message in mail.outbox if partner_profile.user.email in message.to]
    assert len(to_partner) == 1
    message = to_partner[0]
    assert story.title in message.subject
    assert "/members/me/" in message.body and "a librarian in Kenya" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert PartnerNotice.objects.filter(profile=partner_profile).count() == 1
    assert len([m for m in mail.outbox if partner_profile.user.email in m.to]) == 1


def test_public_profiles_are_named_and_not_asked(site_tree, django_capture_on_commit_callbacks):
    public = MemberProfileFactory(display_name="Open Person", visibility=Visibility.PUBLIC)
    page = PartnerStoryPageFactory(parent=site_tree.stories, title="Open story", live=False)
    StoryPartnerFactory(page=page, name="Open Person", member=public)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert mail.outbox == []
    page.refresh_from_db()
    assert "Open Person" in Client().get(page.url).content.decode()


def test_the_member_agrees_or_withdraws_on_their_page(
    story, partner_profile, other_member, coordinator
):
    client = Client()
    client.force_login(partner_profile.user)
    me = client.get("/members/me/").content.decode()
    assert story.title in me and "Name me publicly" in me
    # Bad input is refused without a change.
    response = client.post("/members/me/stories/naming/", {"naming": "<script>"})
    assert response.status_code == 302 and not PartnerNaming.objects.exists()
    assert client.get("/members/me/stories/naming/").status_code == 405

    client.post("/members/me/stories/naming/", {"naming": "agree"})
    texts = public_texts(Client(), story)
    assert NAME in texts[story.url] and INSTITUTION in texts[story.url]
    assert NAME in texts["/stories/"]
    assert story.title in texts[f"/search/?q={NAME.split()[0]}"]

    client.post("/members/me/stories/naming/", {"naming": "withdraw"})
    texts = public_texts(Client(), story)
    assert not [url for url, text in texts.items() if NAME in text]
    # Withdrawn: other members no longer read it; the member and coordinators do.
    member = Client()
    member.force_login(other_member.user)
    assert NAME not in member.get(story.url).content.decode()
    assert NAME in client.get(story.url).content.decode()
    staff = Client()
    staff.force_login(coordinator)
    assert NAME in staff.get(story.url).content.decode()


def test_the_story_form_says_what_will_be_public(member_client, member, site_tree):
    body = member_client.get("/members/me/stories/new/").content.decode()
    assert "What will be public" in body
    assert "ask your partner" in body.lower()


def test_a_title_with_a_line_break_still_reaches_the_partner(
    site_tree, partner_profile, django_capture_on_commit_callbacks
):
    # A submitted title is member input: a line break must not make the e-mail's Subject
    # header invalid (Django refuses it with BadHeaderError, which failed the publication).
    page = PartnerStoryPageFactory(
        parent=site_tree.stories, title="Two cities\r\nBcc: someone@example.org", live=False
    )
    StoryPartnerFactory(page=page, name=NAME, country="KE", member=partner_profile)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    (message,) = [m for m in mail.outbox if partner_profile.user.email in m.to]
    assert message.subject.endswith("Two cities Bcc: someone@example.org")
    assert message.recipients() == [partner_profile.user.email]
