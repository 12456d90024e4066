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
def test_api_lists_pages(client, site_tree):
    response = client.get("/api/v2/pages/")

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 6
