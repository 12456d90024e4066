"""Personal pages say `Cache-Control: private, no-store` (issue #13, finding 10); public
pages seen anonymously do not, so that the page cache may keep them."""

import pytest

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def is_private(response):
    return {"private", "no-store"} <= cache_control(response)


@pytest.mark.parametrize(
    "url",
    [
        "/members/",
        "/members/me/",
        "/members/me/edit/",
        "/members/me/stories/new/",
        "/members/me/delete/",
        "/fr/members/me/",
        "/ar/members/",
        "/programme/partnership/",
        "/programme/apply/",
        "/accounts/email/",
        "/accounts/password/change/",
    ],
)
def test_member_pages_are_private_and_not_stored(member_client, site_tree, url):
    response = member_client.get(url)
    assert response.status_code in (200, 302, 404)
    assert is_private(response), response.get("Cache-Control")


def test_a_profile_page_is_private(member_client, other_member, site_tree):
    response = member_client.get(f"/members/{other_member.pk}/")
    assert response.status_code == 200
    assert is_private(response)
    response = member_client.get(f"/members/{other_member.pk}/edit/")
    assert is_private(response)


@pytest.mark.parametrize("url", ["/members/", "/members/me/", "/accounts/login/"])
def test_member_pages_are_private_for_anonymous_visitors_too(client, site_tree, url):
    assert is_private(client.get(url))


def test_public_pages_are_private_for_members_only(client, member, site_tree):
    anonymous = client.get("/")
    assert anonymous.status_code == 200
    assert not cache_control(anonymous) & {"private", "no-store"}

    client.force_login(member.user)
    logged_in = client.get("/")
    assert logged_in.status_code == 200
    assert is_private(logged_in)
