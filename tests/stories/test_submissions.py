"""Partner stories members submit: a draft in moderation, with a clean photo; bad input
saves nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from members.factories import MemberProfileFactory
from stories.models import PartnerStoryPage, StorySubmission
from tests.factories_content import story_form_data
from tests.uploads import image_bytes

pytestmark = pytest.mark.django_db


def test_submission_becomes_a_draft_in_moderation(member_client, member, site_tree):
    response = member_client.post("/members/me/stories/new/", story_form_data())
    assert response.status_code == 302 and response["Location"] == "/members/me/"

    page = PartnerStoryPage.objects.get(title="Two reading rooms")
    assert not page.live and page.get_parent().pk == site_tree.stories.pk
    assert page.latest_revision is not None and page.owner == member.user
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editors submit, Moderators approve"
    assert StorySubmission.objects.get(page=page).submitter == member.user
    partners = list(page.partners.order_by("sort_order"))
    assert [(p.name, p.country.code, p.member) for p in partners] == [
        ("Aroha Tane", "NZ", member),
        ("Kwame Asante", "GH", None),
    ]
    # The text is kept as text: HTML typed by the member is escaped, not interpreted.
    html = page.body[0].value.source + page.body[1].value.source
    assert "<script>" not in html and "&lt;script&gt;" in html

    me = member_client.get("/members/me/").content.decode()
    assert "Two reading rooms" in me and "In moderation" in me
    # Not on the public site yet.
    assert member_client.get("/stories/").content.decode().count("Two reading rooms") == 0


def test_member_sees_changes_requested_and_published(member_client, member, site_tree):
    member_client.post("/members/me/stories/new/", story_form_data())
    page = PartnerStoryPage.objects.get(title="Two reading rooms")
    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.create_superuser("mod", "mod@example.org", "pw")
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    assert "Changes requested" in member_client.get("/members/me/").content.decode()

    page.save_revision(user=moderator).publish()
    me = member_client.get("/members/me/").content.decode()
    assert "Published" in me and f'href="{page.url}"' in me


def test_submission_with_photo_stores_a_clean_image(
    member_client, member, site_tree, jpeg_with_gps
):
    response = member_client.post(
        "/members/me/stories/new/",
        {**story_form_data(), "photo": jpeg_with_gps, "photo_alt_text": "Two librarians"},
    )
    assert response.status_code == 302
    page = PartnerStoryPage.objects.get(title="Two reading rooms")
    assert page.photo is not None and page.photo_alt_text == "Two librarians"
    from PIL import Image

    with page.photo.file.open("rb") as handle:
        assert not Image.open(handle).getexif()


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"year": "2999"}, "year"),
        ({"year": "last year"}, "year"),
        ({"partner_country": "XX"}, "partner_country"),
        ({"text": "Too short."}, "text"),
        ({"title": ""}, "title"),
        (
            {"photo": SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg")},
            "photo",
        ),
        (
            {"photo": SimpleUploadedFile("x.png", image_bytes(fmt="PNG"), "image/png")},
            "photo_alt_text",
        ),
    ],
)
def test_bad_submissions_save_nothing(member_client, site_tree, overrides, field):
    response = member_client.post("/members/me/stories/new/", story_form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not PartnerStoryPage.objects.exists()
    assert not StorySubmission.objects.exists()


def test_incomplete_profile_is_asked_to_complete_first(client, site_tree):
    incomplete = MemberProfileFactory(display_name="", country="")
    client.force_login(incomplete.user)
    response = client.get("/members/me/stories/new/")
    assert response.status_code == 302 and response["Location"] == "/members/me/edit/"


def test_anonymous_visitors_cannot_submit(client, site_tree):
    response = client.post("/members/me/stories/new/", story_form_data())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not PartnerStoryPage.objects.exists()
