"""Submitting a story is one transaction: when a write fails part way (a real error
raised from a signal receiver), no page, revision or submission is left behind."""

import pytest
from django.db.models.signals import post_save
from wagtail.models import Page, Revision

from stories.models import PartnerStoryPage, StorySubmission
from tests.factories_content import story_form_data
from tests.faults import SimulatedFailure, failing

pytestmark = pytest.mark.django_db


def test_a_story_submission_that_fails_part_way_saves_nothing(member_client, member, site_tree):
    index = Page.objects.get(pk=site_tree.stories.pk)
    revisions = Revision.objects.count()
    # The page and its first revision are written, then the submission record fails.
    with failing(post_save, StorySubmission), pytest.raises(SimulatedFailure):
        member_client.post("/members/me/stories/new/", story_form_data())
    assert not PartnerStoryPage.objects.exists()
    assert Revision.objects.count() == revisions
    assert Page.objects.get(pk=index.pk).numchild == index.numchild

    response = member_client.post("/members/me/stories/new/", story_form_data())
    assert response.status_code == 302 and PartnerStoryPage.objects.count() == 1
