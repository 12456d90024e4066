"""The profile form (issue #12): required fields marked, time zones by friendly name with the
member's country first, interests from the shared vocabulary with bounded suggestions, no
'remove my photo' without a photo, and the contact opt-in."""

import pytest
from django.utils import translation
from taggit.models import Tag

from members import time_zones
from members.forms import MAX_NEW_INTERESTS, ProfileForm
from tests.members.profile_data import profile_form_data as form_data

pytestmark = pytest.mark.django_db


# Time zones ---------------------------------------------------------------------------


def test_time_zone_labels_are_friendly():
    assert time_zones.label("Africa/Nairobi") == "Nairobi (East Africa Time, UTC+03:00)"
    assert time_zones.label("Asia/Kolkata") == "Kolkata (India Standard Time, UTC+05:30)"
    assert time_zones.label("UTC") == "Coordinated Universal Time (UTC)"
    assert time_zones.label("Mars/Olympus_Mons") == "Mars/Olympus_Mons"


def test_time_zone_labels_follow_the_language():
    with translation.override("fr"):
        assert time_zones.label("Africa/Nairobi") == (
            "Nairobi (heure normale d’Afrique de l’Est, UTC+03:00)"
        )


def test_time_zone_labels_use_the_languages_comma():
    with translation.override("ar"):
        label = time_zones.label("Africa/Nairobi")
    assert "، UTC+03:00)" in label and ", " not in label


def test_the_countrys_zones_come_first():
    choices = time_zones.choices("BR")
    group, zones = choices[1]
    assert group == "In Brazil"
    assert "America/Sao_Paulo" in dict(zones)
    assert all(name.startswith(("America/", "Atlantic/")) for name in dict(zones))
    everything = dict(choices[2][1])
    assert "Africa/Nairobi" in everything and "Europe/Paris" in everything
    # Without a country: one list, no group of its own.
    assert len(time_zones.choices(None)) == 2


def test_a_stored_zone_outside_the_list_stays_selectable():
    everything = dict(time_zones.choices("IN", current="Asia/Calcutta")[2][1])
    assert "Asia/Calcutta" in everything


def test_the_form_offers_zones_by_friendly_name_country_first(member_client, member):
    member.country = "KE"
    member.save()
    html = member_client.get("/members/me/edit/").content.decode()
    assert '<optgroup label="In Kenya">' in html
    assert "Nairobi (East Africa Time, UTC+03:00)" in html
    assert html.index("In Kenya") < html.index('value="Europe/Paris"')


def test_the_profile_shows_the_zone_by_friendly_name(member_client, member):
    member.time_zone = "Africa/Nairobi"
    member.save()
    html = member_client.get("/members/me/").content.decode()
    assert "<dd>Nairobi (East Africa Time, UTC+03:00)</dd>" in html


def test_an_unknown_zone_is_refused(member_client, member):
    response = member_client.post("/members/me/edit/", form_data(time_zone="Mars/Olympus_Mons"))
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors


# Required fields, photo ------------------------------------------------------------------


def test_required_fields_are_marked(member_client):
    html = member_client.get("/members/me/edit/").content.decode()
    # display name, country, sector, career stage, visibility
    assert html.count('class="field__required"') == 5


def test_no_remove_photo_option_without_a_photo(member_client, member):
    assert not member.photo
    html = member_client.get("/members/me/edit/").content.decode()
    assert "Remove my photo" not in html
    assert "remove_photo" not in ProfileForm(instance=member).fields


def test_remove_photo_option_with_a_photo(member):
    member.photo.name = "member-photos/portrait.jpg"
    assert "remove_photo" in ProfileForm(instance=member).fields


# Interests --------------------------------------------------------------------------------


def test_interests_are_chosen_from_the_shared_vocabulary(member_client, member):
    outreach = Tag.objects.create(name="community outreach")
    Tag.objects.create(name="metadata")
    html = member_client.get("/members/me/edit/").content.decode()
    assert 'type="checkbox" name="interests"' in html
    assert "metadata" in html and "community outreach" in html
    response = member_client.post("/members/me/edit/", form_data(interests=[str(outreach.pk)]))
    assert response.status_code == 302
    assert list(member.interests.names()) == ["community outreach"]


def test_the_members_own_interests_are_ticked(member_client, member):
    member.interests.add("zines")
    html = member_client.get("/members/me/edit/").content.decode()
    zines = Tag.objects.get(name="zines")
    assert f'value="{zines.pk}" id="id_interests_' in html
    assert "checked" in html.split(f'value="{zines.pk}"')[1].split(">")[0]


def test_suggested_interests_reuse_existing_tags_and_add_few_new_ones(member_client, member):
    Tag.objects.create(name="community outreach")
    tags_before = Tag.objects.count()
    response = member_client.post(
        "/members/me/edit/", form_data(new_interests="Community  Outreach, zines, oral history")
    )
    assert response.status_code == 302
    assert sorted(member.interests.names()) == ["community outreach", "oral history", "zines"]
    assert Tag.objects.count() == tags_before + 2
    assert Tag.objects.filter(name__iexact="community outreach").count() == 1


def test_suggestions_may_be_separated_by_arabic_commas(member_client, member):
    response = member_client.post(
        "/members/me/edit/", form_data(new_interests="محو الأمية، مكتبات عامة")
    )
    assert response.status_code == 302
    assert sorted(member.interests.names()) == ["محو الأمية", "مكتبات عامة"]


@pytest.mark.parametrize(
    "suggestion",
    [
        ", ".join(f"interest {n}" for n in range(MAX_NEW_INTERESTS + 1)),
        "<script>alert(1)</script>",
        "x" * 51,
        "ab",
        "12345",
        "!!!, ???",
        "http://spam.example/buy",
    ],
)
def test_bad_suggestions_are_refused_and_create_no_tag(member_client, member, suggestion):
    tags_before = Tag.objects.count()
    response = member_client.post(
        "/members/me/edit/", form_data(city="Changed", new_interests=suggestion)
    )
    assert response.status_code == 200
    assert "new_interests" in response.context["form"].errors
    assert Tag.objects.count() == tags_before
    member.refresh_from_db()
    assert member.city != "Changed"


def test_at_most_twelve_interests(member_client, member):
    tags = [Tag.objects.create(name=f"topic {n}") for n in range(12)]
    response = member_client.post(
        "/members/me/edit/",
        form_data(interests=[str(tag.pk) for tag in tags], new_interests="zines"),
    )
    assert response.status_code == 200
    assert "interests" in response.context["form"].errors


def test_an_unknown_interest_id_is_refused_without_error(member_client, member):
    for value in ("999999", "abc", ""):
        response = member_client.post("/members/me/edit/", form_data(interests=[value]))
        assert response.status_code in (200, 302)
        if value:
            assert "interests" in response.context["form"].errors


# Contact opt-in ---------------------------------------------------------------------------


def test_messages_are_off_by_default_and_can_be_switched_on(member_client, member):
    assert member.accepts_messages is False
    html = member_client.get("/members/me/edit/").content.decode()
    assert 'name="accepts_messages"' in html
    assert 'name="accepts_messages" checked' not in html
    member_client.post("/members/me/edit/", form_data(accepts_messages="on"))
    member.refresh_from_db()
    assert member.accepts_messages is True


def test_a_display_name_is_kept_on_one_line(member_client, member):
    # The name goes into e-mail headers (the contact relay's From and Subject).
    response = member_client.post(
        "/members/me/edit/", form_data(display_name="Aroha\r\nBcc: someone@example.org  Tane")
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Aroha Bcc: someone@example.org Tane"
