"""Download my data, delete my account."""

import base64
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from members import data_rights
from members.factories import MEMBER_PASSWORD
from members.models import MemberProfile
from members.photos import member_photo_files, member_photo_storage
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory
from stories.models import PartnerStoryPage, StoryPartner, StorySubmission
from tests.factories_content import story_form_data
from tests.uploads import image_bytes

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def member_with_history(member_client, member, site_tree):
    """The member has a photo, interests, one published and one pending story."""
    member_client.post(
        "/members/me/edit/",
        {
            "display_name": "Aroha Tane",
            "country": "NZ",
            "sector": "public",
            "career_stage": "mid",
            "new_interests": "outreach, te reo",
            "bio": "Librarian in Wellington.",
            "visibility": "members",
            "photo_upload": SimpleUploadedFile("me.jpg", image_bytes(), "image/jpeg"),
        },
    )
    member_client.post("/members/me/stories/new/", story_form_data(title="Published story"))
    member_client.post("/members/me/stories/new/", story_form_data(title="Pending story"))
    published = PartnerStoryPage.objects.get(title="Published story")
    published.save_revision().publish()
    member.refresh_from_db()
    return member


def test_export_contains_profile_applications_and_stories(member_client, member_with_history):
    response = member_client.get("/members/me/data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    # Personal data: never stored by the browser or a shared cache.
    assert {"no-store", "private"} <= {
        directive.strip() for directive in response["Cache-Control"].split(",")
    }
    data = json.loads(response.content)
    assert data["account"]["email"] == member_with_history.user.email
    assert data["profile"]["display_name"] == "Aroha Tane"
    assert data["profile"]["country"] == "NZ"
    assert data["profile"]["interests"] == ["outreach", "te reo"]
    assert data["profile"]["bio"] == "Librarian in Wellington."
    assert data["profile"]["accepts_messages"] is False
    # The photo itself (as stored: re-encoded, no metadata), not a URL.
    photo = data["profile"]["photo"]
    assert photo["content_type"] == "image/jpeg"
    with member_photo_storage.open(member_with_history.photo.name, "rb") as handle:
        assert base64.b64decode(photo["data_base64"]) == handle.read()
    assert data["applications"] == []
    stories = {story["title"]: story for story in data["stories"]}
    assert stories["Published story"]["status"] == "published"
    assert stories["Pending story"]["status"] == "in_moderation"
    assert stories["Pending story"]["partners"][1]["name"] == "Kwame Asante"


def test_export_has_nothing_of_other_members(member_client, member_with_history, other_member):
    body = member_client.get("/members/me/data.json").content.decode()
    assert other_member.user.email not in body and other_member.bio not in body


def test_other_apps_can_add_export_sections(member, monkeypatch):
    monkeypatch.setattr(data_rights, "_export_sections", {})

    @data_rights.register_export_section("applications")
    def applications(user):
        return [{"round": "2016", "user": user.pk}]

    data = data_rights.export_member_data(member.user)
    assert data["applications"] == [{"round": "2016", "user": member.user.pk}]


def test_export_needs_login(client):
    response = client.get("/members/me/data.json")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_delete_with_wrong_password_deletes_nothing(member_client, member):
    response = member_client.post("/members/me/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "password is not correct" in response.content.decode()
    assert User.objects.filter(pk=member.user.pk).exists()
    assert MemberProfile.objects.filter(pk=member.pk).exists()


def test_delete_removes_personal_data_and_keeps_others(
    member_client, member_with_history, other_member, site_tree, django_capture_on_commit_callbacks
):
    member = member_with_history
    user_pk, profile_pk = member.user.pk, member.pk
    photo_files = member_photo_files(member.photo.name)
    assert photo_files and all(member_photo_storage.exists(name) for name in photo_files)
    email = member.user.email
    # Another member's story links both partners' profiles.
    shared = PartnerStoryPageFactory(parent=site_tree.stories, title="Shared story")
    StoryPartnerFactory(page=shared, name="Aroha Tane", member=member)
    StoryPartnerFactory(page=shared, name="Kwame Asante", country="GH", member=other_member)
    other_before = MemberProfile.objects.filter(pk=other_member.pk).values().get()

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post("/members/me/delete/", {"password": MEMBER_PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session

    assert not User.objects.filter(pk=user_pk).exists()
    assert not MemberProfile.objects.filter(pk=profile_pk).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    # The photo and every variant of it are gone from the storage.
    assert not any(member_photo_storage.exists(name) for name in photo_files)
    # The pending story goes; the published one stays with its text, by a former member.
    assert not PartnerStoryPage.objects.filter(title="Pending story").exists()
    published = PartnerStoryPage.objects.get(title="Published story")
    assert published.live and StorySubmission.objects.get(page=published).submitter is None
    page = member_client.get(published.url).content.decode()
    assert "former member" in page and "We met every fortnight" in page
    assert not StoryPartner.objects.filter(member_id=profile_pk).exists()
    # The name is gone from the partner list too, and from the revision an editor would
    # start from (else the next edit and publish would bring it back).
    assert "Aroha Tane" not in page
    assert "Aroha Tane" not in member_client.get("/stories/").content.decode()
    assert "Published story" not in member_client.get("/search/?q=Aroha").content.decode()
    for story in (published, shared):
        latest = story.get_latest_revision_as_object()
        assert "Aroha Tane" not in [partner.name for partner in latest.partners.all()]
        assert "Former member" in [partner.name for partner in latest.partners.all()]
    # Nothing of the other member changed.
    assert MemberProfile.objects.filter(pk=other_member.pk).values().get() == other_before
    assert StoryPartner.objects.get(page=shared, name="Kwame Asante").member == other_member
    assert User.objects.filter(pk=other_member.user.pk, is_active=True).exists()
