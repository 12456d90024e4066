"""The demo's community: generated members, and story partners linked to their profiles."""

import pytest

from demo import community as demo
from demo.site import DemoContext
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
