"""Story submissions are throttled per member (issue #13, finding 12): each one is a page,
a revision, a workflow task and an e-mail to the moderators."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from members.factories import MemberProfileFactory
from stories.models import PartnerStoryPage, StorySubmission
from stories.submissions import SUBMISSION_LIMITS
from tests.factories_content import story_form_data

pytestmark = pytest.mark.django_db

PER_HOUR = SUBMISSION_LIMITS[0][0]
PER_DAY = SUBMISSION_LIMITS[1][0]


def submit(client, n):
    return client.post("/members/me/stories/new/", story_form_data(title=f"Story {n}"))


def test_a_burst_of_submissions_is_stopped(member_client, other_member, client, site_tree):
    for n in range(PER_HOUR):
        assert submit(member_client, n).status_code == 302
    pages, mails = PartnerStoryPage.objects.count(), len(mail.outbox)

    response = submit(member_client, "too many")

    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()
    # The form comes back with what the member typed; nothing was created or sent.
    assert "Story too many" in response.content.decode()
    assert PartnerStoryPage.objects.count() == pages and len(mail.outbox) == mails
    # Another member is not affected.
    other = MemberProfileFactory()
    client.force_login(other.user)
    assert submit(client, "other").status_code == 302


def test_the_hourly_limit_ends_after_an_hour(member_client, member, site_tree):
    for n in range(PER_HOUR):
        submit(member_client, n)
    StorySubmission.objects.filter(submitter=member.user).update(
        submitted_at=timezone.now() - datetime.timedelta(minutes=61)
    )
    assert submit(member_client, "later").status_code == 302


def test_the_daily_limit(member_client, member, site_tree):
    for n in range(PER_DAY):
        submit(member_client, n)
        StorySubmission.objects.filter(submitter=member.user).update(
            submitted_at=timezone.now() - datetime.timedelta(hours=2)
        )
    assert submit(member_client, "one more today").status_code == 429
    StorySubmission.objects.filter(submitter=member.user).update(
        submitted_at=timezone.now() - datetime.timedelta(hours=25)
    )
    assert submit(member_client, "tomorrow").status_code == 302
