"""Member profiles in the Wagtail admin: coordinators list and search them; members cannot.
Member photos stay out of the editors' image library."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from members.factories import MemberProfileFactory, UserFactory
from members.photos import MEMBER_PHOTOS_COLLECTION, STORY_PHOTOS_COLLECTION, store_photo
from tests.uploads import image_bytes

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/members/memberprofile/"


def test_coordinators_list_and_search_profiles(client, coordinator, member):
    MemberProfileFactory(display_name="Someone Else", institution="Elsewhere")
    client.force_login(coordinator)
    response = client.get(LISTING)
    assert response.status_code == 200
    assert "Aroha Tane" in response.content.decode()
    response = client.get(LISTING, {"q": "te puna"})
    body = response.content.decode()
    assert "Aroha Tane" in body and "Someone Else" not in body
    assert client.get(f"{LISTING}edit/{member.pk}/").status_code == 200


def test_members_cannot_list_profiles_in_the_admin(member_client):
    response = member_client.get(LISTING)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def upload(collection_name):
    return store_photo(
        SimpleUploadedFile("p.jpg", image_bytes(), "image/jpeg"),
        title=f"Photo in {collection_name}",
        collection_name=collection_name,
        renditions=[],
    )


def test_editors_cannot_browse_or_edit_member_photos(client, editor):
    """Editors hold image permissions on the Root collection; members' portraits must not be
    under it. Story photos, which editors review, are."""
    portrait = upload(MEMBER_PHOTOS_COLLECTION)
    story_photo = upload(STORY_PHOTOS_COLLECTION)
    assert Collection.get_first_root_node().name == "Root"
    client.force_login(editor)
    for url in ("/admin/images/", "/admin/images/chooser/"):
        body = client.get(url).content.decode()
        assert story_photo.title in body
        assert portrait.title not in body
    assert client.get(f"/admin/images/{story_photo.pk}/").status_code == 200
    refused = client.get(f"/admin/images/{portrait.pk}/")  # PermissionDenied, as Wagtail says it
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    # The admin still works with the second root collection; superusers see everything.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert portrait.title in client.get("/admin/images/").content.decode()
    assert client.get(f"/admin/images/{portrait.pk}/").status_code == 200
    assert client.get("/admin/collections/").status_code == 200
    # Both kinds of photo reuse their collection.
    assert upload(MEMBER_PHOTOS_COLLECTION).collection_id == portrait.collection_id
    assert upload(STORY_PHOTOS_COLLECTION).collection_id == story_photo.collection_id


CHOOSER = "/admin/snippets/choose/members/memberprofile/"


def test_editors_choose_partner_profiles_by_name_or_institution(client, editor, member):
    """The partner chooser is how editors link story partners to profiles: it must be
    searchable (thousands of members) and offer only profiles members can find."""
    MemberProfileFactory(display_name="", country="")  # incomplete: not offered
    gone = MemberProfileFactory(display_name="Gone Member", institution="Te Puna Annex")
    gone.user.is_active = False
    gone.user.save()
    MemberProfileFactory(display_name="Someone Else", institution="Elsewhere")
    client.force_login(editor)

    response = client.get(f"{CHOOSER}results/")
    assert response.status_code == 200
    listed = [str(profile) for profile in response.context["results"]]
    assert listed == ["Aroha Tane", "Someone Else"]

    response = client.get(f"{CHOOSER}results/", {"q": "te puna"})
    assert [str(profile) for profile in response.context["results"]] == ["Aroha Tane"]
    body = response.content.decode()
    assert "Te Puna" in body and "New Zealand" in body
    assert member.user.email not in body
    # E-mail addresses are not a way in.
    response = client.get(f"{CHOOSER}results/", {"q": member.user.email})
    assert list(response.context["results"]) == []
    # The modal itself offers the search box.
    assert 'name="q"' in client.get(CHOOSER).json()["html"]
