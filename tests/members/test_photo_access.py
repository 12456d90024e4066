"""Issue #13, findings 2 and 6: members' photos are served only to whoever may see the
profile, by URLs that change with the profile's visibility; nothing under /media/."""

import pytest
from django.conf import settings
from django.test import Client

from members.choices import Visibility
from members.factories import MemberProfileFactory, add_photo
from members.photos import MEMBER_PHOTO_SIZES, member_photo_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_member(db):
    return add_photo(MemberProfileFactory(display_name="Ana Pública", visibility=Visibility.PUBLIC))


def status(client, url):
    return client.get(url).status_code


def test_a_public_photo_is_served_to_anyone_and_cached_publicly(client, public_member):
    for name, url in public_member.photo_urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["Content-Type"] == "image/webp"
        assert response["Cache-Control"] == "public, max-age=3600"
    # The public profile page shows the large variant by that URL.
    body = client.get(public_member.get_absolute_url()).content.decode()
    assert public_member.photo_urls["large"] in body


def test_a_photo_stops_answering_anonymously_when_the_profile_becomes_members_only(
    client, public_member, other_member, coordinator
):
    old_urls = public_member.photo_urls
    assert status(client, old_urls["large"]) == 200
    public_member.visibility = Visibility.MEMBERS
    public_member.save()
    new_urls = public_member.photo_urls
    assert new_urls["large"] != old_urls["large"]  # a new key: shared caches miss too
    assert status(client, old_urls["large"]) == 404
    assert status(client, new_urls["large"]) == 404
    # Members see it (kept privately), by the new URL only.
    client.force_login(other_member.user)
    response = client.get(new_urls["large"])
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=3600"
    assert status(client, old_urls["large"]) == 404


def test_a_hidden_profiles_photo_is_for_the_member_and_coordinators(
    client, other_member, coordinator
):
    hidden = add_photo(MemberProfileFactory(display_name="Gone Member"))
    hidden.user.is_active = False
    hidden.user.save()
    url = hidden.photo_urls["small"]
    assert status(client, url) == 404
    client.force_login(other_member.user)
    assert status(client, url) == 404
    client.force_login(coordinator)
    assert status(client, url) == 200
    # An incomplete profile is hidden from other members too; its owner sees the photo.
    incomplete = add_photo(MemberProfileFactory(display_name="", country=""))
    url = incomplete.photo_urls["small"]
    assert status(client, url) == 200  # the coordinator
    client.force_login(other_member.user)
    assert status(client, url) == 404
    owner = Client()
    owner.force_login(incomplete.user)
    assert status(owner, url) == 200


def test_wrong_keys_sizes_and_ids_are_404(client, public_member):
    pk, key = public_member.pk, public_member.photo_key
    for url in (
        f"/members/{pk}/photo/{'0' * 32}/320/",
        f"/members/{pk}/photo/{key}/321/",
        f"/members/{pk + 1000}/photo/{key}/320/",
        f"/members/{pk}/photo/{key[:-1]}/320/",
    ):
        assert status(client, url) == 404, url


def test_photos_are_stored_outside_the_media_root(public_member):
    from pathlib import Path

    files = member_photo_files(public_member.photo.name)
    assert len(files) == 1 + len(MEMBER_PHOTO_SIZES)
    root = Path(settings.MEMBER_PHOTOS_ROOT).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert not root.is_relative_to(media) and not media.is_relative_to(root)
    for name in files:
        assert (root / name).is_file()
    with pytest.raises(ValueError):
        public_member.photo.url  # noqa: B018 (no public URL exists)
