"""Member profiles in the Wagtail admin: coordinators list and search them; members cannot.
Member photos are not in the image library at all."""

import pytest
from wagtail.images import get_image_model

from members.factories import MemberProfileFactory, UserFactory

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


def test_member_photos_are_not_wagtail_images(client, editor, member):
    """Issue #13, finding 2: a member's photo is a file of the profile, outside the image
    library, so no admin view (image listing, chooser, select_format, renditions) reaches
    it, whatever the user's image permissions."""
    from members.factories import add_photo

    add_photo(member)
    assert not get_image_model().objects.exists()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for url in ("/admin/images/", "/admin/images/chooser/"):
        assert client.get(url).status_code == 200
        assert "member-photos" not in client.get(url).content.decode()
    # The snippet's edit form does not offer the file either (no upload that would skip
    # the checks and the variants).
    body = client.get(f"{LISTING}edit/{member.pk}/").content.decode()
    assert 'name="photo"' not in body and member.photo.name not in body


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


def test_hidden_profiles_are_not_named_to_admin_users_by_id(client, editor, coordinator):
    """Issue #13, finding 8: the chooser's "chosen" view and the bulk-delete confirmation
    named any profile by id, hidden ones included, to any admin user (a translator)."""
    gone = MemberProfileFactory(display_name="Gone Member")
    gone.user.is_active = False
    gone.user.save()
    half = MemberProfileFactory(display_name="Half Done", country="")
    listed = MemberProfileFactory(display_name="Listed Member")
    client.force_login(editor)
    for hidden in (gone, half):
        response = client.get(f"{CHOOSER}chosen/{hidden.pk}/")
        assert response.status_code == 404
        assert hidden.display_name not in response.content.decode()
    assert client.get(f"{CHOOSER}chosen/{listed.pk}/").status_code == 200
    bulk = f"/admin/bulk/members/memberprofile/delete/?id={gone.pk}&id={half.pk}"
    response = client.get(bulk)
    body = response.content.decode()
    assert "Gone Member" not in body and "Half Done" not in body
    # Coordinators see every profile anyway; nothing changes for them.
    client.force_login(coordinator)
    assert client.get(f"{CHOOSER}chosen/{gone.pk}/").status_code == 200
    assert client.get(bulk).status_code == 200
