"""Member profiles in the Wagtail admin: coordinators list and search them; members cannot."""

import pytest

from members.factories import MemberProfileFactory

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
