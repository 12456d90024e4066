"""A member cannot fill the site's shared vocabulary by saving the profile form again and
again (issue #13, finding 12): a few new tags a day per member; existing tags are free."""

import pytest
from taggit.models import Tag

from members.throttle import NEW_INTERESTS_PER_DAY
from tests.members.profile_data import profile_form_data

pytestmark = pytest.mark.django_db


def suggest(client, names):
    return client.post("/members/me/edit/", profile_form_data(new_interests=", ".join(names)))


def test_new_tags_a_day_are_bounded_per_member(member_client, client, other_member):
    created = 0
    batch = 0
    while created < NEW_INTERESTS_PER_DAY:
        names = [f"topic {batch} {letter}" for letter in "abc"][: NEW_INTERESTS_PER_DAY - created]
        response = suggest(member_client, names)
        assert response.status_code == 302
        created += len(names)
        batch += 1
    tags = Tag.objects.count()

    response = suggest(member_client, ["one more subject"])

    assert response.status_code == 200
    assert "suggested many new interests today" in response.content.decode()
    assert Tag.objects.count() == tags
    # Interests that exist already are still welcome.
    assert suggest(member_client, ["topic 0 a"]).status_code == 302
    # Another member has their own quota.
    client.force_login(other_member.user)
    assert suggest(client, ["one more subject"]).status_code == 302
    assert Tag.objects.filter(name="one more subject").exists()
