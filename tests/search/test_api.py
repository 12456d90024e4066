import pytest
from wagtail.models import PageViewRestriction

from topics.factories import DiscussionPageFactory


@pytest.mark.django_db
def test_api_search_returns_only_live_public_pages(client, django_user_model, site_tree):
    live = DiscussionPageFactory(parent=site_tree.discussions, title="Seed library live")
    DiscussionPageFactory(parent=site_tree.discussions, title="Seed library draft", live=False)
    private = DiscussionPageFactory(parent=site_tree.discussions, title="Seed library private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    anonymous = client.get("/api/v2/pages/", {"search": "seed library"})
    client.force_login(django_user_model.objects.create_user("member", password="x"))
    member = client.get("/api/v2/pages/", {"search": "seed library"})

    for response in (anonymous, member):
        assert response.status_code == 200
        assert [item["id"] for item in response.json()["items"]] == [live.pk]


@pytest.mark.django_db
def test_api_lists_exactly_the_live_public_pages(client, site_tree):
    live = DiscussionPageFactory(parent=site_tree.discussions, title="Listed")
    DiscussionPageFactory(parent=site_tree.discussions, title="Draft", live=False)
    private = DiscussionPageFactory(parent=site_tree.discussions, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    expected = {site_tree.home.pk, live.pk} | {
        page.pk for page in site_tree.home.get_children().live()
    }

    response = client.get("/api/v2/pages/", {"limit": 50})

    assert response.status_code == 200
    listed = {item["id"] for item in response.json()["items"]}
    assert listed == expected
    assert response.json()["meta"]["total_count"] == len(expected)
