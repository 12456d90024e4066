"""Partner stories submitted by members from the front end.

A submission becomes a draft PartnerStoryPage under the story index, with the member and
their partner as StoryPartners, and enters the moderation workflow; editors review and
publish it in the Wagtail admin like any other page."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import WorkflowState
from wagtail.rich_text import RichText

from members import photos

from .models import PartnerStoryPage, StoryIndexPage, StoryPartner, StorySubmission

STATUS_LABELS = {
    "draft": _("Draft"),
    "in_moderation": _("In moderation"),
    "changes_requested": _("Changes requested"),
    "published": _("Published"),
}


class NoStoryIndex(Exception):
    """The site has no story index page to hold submissions."""


class TooManySubmissions(Exception):
    """The member has submitted as many stories as SUBMISSION_LIMITS allow for now."""


# At most this many submissions per member in each period (issue #13, finding 12): each
# one is a page, a revision, a workflow task and an e-mail to the moderators.
SUBMISSION_LIMITS = (
    (3, datetime.timedelta(hours=1)),
    (10, datetime.timedelta(days=1)),
)


def check_submission_limits(user):
    """Raise TooManySubmissions when `user` may not submit another story now. Inside the
    submission's transaction, with the member's account row locked (PostgreSQL; SQLite's
    write transactions are serialised anyway), so simultaneous submissions are counted
    one after the other."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    now = timezone.now()
    longest = max(period for _count, period in SUBMISSION_LIMITS)
    times = list(
        StorySubmission.objects.filter(submitter=user, submitted_at__gt=now - longest).values_list(
            "submitted_at", flat=True
        )
    )
    for count, period in SUBMISSION_LIMITS:
        if sum(1 for moment in times if moment > now - period) >= count:
            raise TooManySubmissions


def story_index():
    index = StoryIndexPage.objects.filter(locale__language_code="en").first()
    index = index or StoryIndexPage.objects.first()
    if index is None:
        raise NoStoryIndex
    return index


def paragraphs_from_text(text):
    """StreamField paragraphs from plain text: blank lines separate paragraphs, and any
    HTML the member typed is escaped, never interpreted. A line break is `<br/>`, the form
    Wagtail stores: the admin editor's parser fails on `<br>` (issue #13, finding 4)."""
    chunks = [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [
        ("paragraph", RichText("<p>" + escape(chunk).replace("\n", "<br/>") + "</p>"))
        for chunk in chunks
        if chunk
    ]


@transaction.atomic
def submit_story(user, data):
    """Create the draft story from the cleaned StorySubmissionForm data, start its workflow
    and return the page."""
    check_submission_limits(user)
    profile = user.member_profile
    index = story_index()
    photo = None
    if data.get("photo"):
        photo = photos.store_photo(
            data["photo"],
            title=data["title"],
            collection_name=photos.STORY_PHOTOS_COLLECTION,
            renditions=photos.STORY_RENDITIONS,
        )
    page = PartnerStoryPage(
        title=data["title"],
        slug=find_available_slug(index, slugify(data["title"])[:200] or "story"),
        year=data["year"],
        round_label=data.get("round_label", ""),
        body=paragraphs_from_text(data["text"]),
        photo=photo,
        photo_alt_text=data.get("photo_alt_text", "") if photo else "",
        live=False,
        owner=user,
    )
    page.partners = [
        StoryPartner(
            name=profile.display_name,
            country=profile.country,
            institution=profile.institution,
            member=profile,
            sort_order=0,
        ),
        StoryPartner(
            name=data["partner_name"],
            country=data["partner_country"],
            institution=data.get("partner_institution", ""),
            sort_order=1,
        ),
    ]
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    StorySubmission.objects.create(page=page, submitter=user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page


def submission_status(page):
    """One of STATUS_LABELS' keys for a submitted story page."""
    if page.live:
        return "published"
    state = page.current_workflow_state
    if state is None:
        return "draft"
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "changes_requested"
    return "in_moderation"


def submissions_of(user):
    """[(submission, status key, status label)] of the member's stories, newest first."""
    rows = []
    for submission in StorySubmission.objects.filter(submitter=user).select_related("page"):
        status = submission_status(submission.page)
        rows.append((submission, status, STATUS_LABELS[status]))
    return rows
