"""What members contribute to other apps' pages through their registries: the home page's
member figure, and a country page's member count and names (names to members only)."""

import pytest

from countries.factories import CountryProfilePageFactory
from members.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_number_of_listed_members(client, site_tree):
    MemberProfileFactory.create_batch(3)
    MemberProfileFactory(display_name="")  # incomplete: not counted
    response = client.get("/")
    assert response.context["figures"]["members"] == 3


def test_country_page_counts_members_and_names_them_to_members_only(client, site_tree, member):
    MemberProfileFactory(display_name="Hemi Walker", country="NZ")
    MemberProfileFactory(display_name="Elsewhere", country="FR")
    MemberProfileFactory(display_name="", country="NZ")  # incomplete: not counted
    page = CountryProfilePageFactory(parent=site_tree.countries, country="NZ")

    anonymous = client.get(page.url)
    assert anonymous.context["figures"]["members"] == 2
    assert "Aroha Tane" not in anonymous.content.decode()
    assert "Hemi Walker" not in anonymous.content.decode()

    client.force_login(member.user)
    body = client.get(page.url).content.decode()
    assert "Aroha Tane" in body and "Hemi Walker" in body and "Elsewhere" not in body
