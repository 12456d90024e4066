"""Deleting an account is one transaction: when a write fails part way (a real error
raised from a signal receiver), the member and all their records are still there."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models.signals import pre_delete

from members.factories import MEMBER_PASSWORD
from members.models import MemberProfile
from stories.models import PartnerStoryPage, StorySubmission
from tests.factories_content import story_form_data
from tests.faults import SimulatedFailure, failing

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_an_account_deletion_that_fails_part_way_deletes_nothing(member_client, member, site_tree):
    member_client.post("/members/me/stories/new/", story_form_data(title="Pending story"))
    story = PartnerStoryPage.objects.get(title="Pending story")
    # Every app's erasure runs and the profile goes before the account: its deletion fails.
    with failing(pre_delete, User), pytest.raises(SimulatedFailure):
        member_client.post("/members/me/delete/", {"password": MEMBER_PASSWORD})
    assert User.objects.filter(pk=member.user.pk).exists()
    assert MemberProfile.objects.filter(pk=member.pk, display_name="Aroha Tane").exists()
    assert EmailAddress.objects.filter(user=member.user).exists()
    assert PartnerStoryPage.objects.filter(pk=story.pk).exists()
    assert StorySubmission.objects.get(page=story).submitter == member.user
