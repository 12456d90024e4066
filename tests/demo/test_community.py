"""Demo members, the home page's member figure, and allauth's account pages in the layout."""

import pytest

from demo import community as demo
from demo.site import DemoContext
from members.factories import MemberProfileFactory
from members.models import MemberProfile
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory

pytestmark = pytest.mark.django_db


def test_build_members_is_idempotent_and_links_story_partners(site_tree, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_MEMBERS", 5)
    story = PartnerStoryPageFactory(parent=site_tree.stories)
    partner = StoryPartnerFactory(page=story, name="Aroha Tane", country="NZ")
    ctx = DemoContext(scale=2)
    ctx.home = site_tree.home

    demo.build_members(ctx)
    assert MemberProfile.objects.count() == 5 * 2 + 1 + 1  # generated, partner, demo account
    partner.refresh_from_db()
    assert partner.member.display_name == "Aroha Tane"
    assert partner.member.user.has_usable_password() is False
    assert MemberProfile.objects.get(user__email=demo.DEMO_MEMBER_EMAIL).is_complete

    demo.build_members(ctx)
    assert MemberProfile.objects.count() == 12


def test_home_page_shows_the_number_of_listed_members(client, site_tree):
    MemberProfileFactory.create_batch(3)
    MemberProfileFactory(display_name="")  # incomplete: not counted
    response = client.get("/")
    assert response.context["figures"]["members"] == 3


@pytest.mark.parametrize("url", ["/accounts/email/", "/accounts/password/change/"])
def test_account_management_pages_render_in_the_layout(member_client, site_tree, url):
    response = member_client.get(url)
    assert response.status_code == 200
    assert b'<main id="main"' in response.content


def test_members_area_exists_in_other_languages(member_client, site_tree):
    assert member_client.get("/fr/members/").status_code == 200
    assert member_client.get("/ar/members/me/").status_code == 200
