"""Discussion archives and partner stories are only published in English: wagtail-localize's
"Translate" action is neither offered nor accepted for them."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from stories.factories import PartnerStoryPageFactory
from topics.factories import DiscussionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("c", "c@example.org", "pw"))
    return client


def translate_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


@pytest.fixture
def english_only_pages(site_tree, locales):
    return [
        site_tree.discussions,
        DiscussionPageFactory(parent=site_tree.discussions),
        PartnerStoryPageFactory(parent=site_tree.stories),
    ]


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to its dashboard and a
    message (a 403 only for requests that ask for JSON)."""
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_english_only_pages_cannot_be_submitted_for_translation(english_only_pages, admin_client):
    french = Locale.objects.get(language_code="fr")
    for page in english_only_pages:
        assert_refused(admin_client.get(translate_url(page)))
        response = admin_client.post(translate_url(page), {"locales": [french.pk]}, follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        messages = [str(message) for message in response.context["messages"]]
        assert any("do not have permission" in message for message in messages), messages
        assert not page.get_translations().exists()
    # The same request for a page that may be translated is accepted.
    response = admin_client.post(translate_url(english_only_pages[0].get_parent()), {})
    assert response.status_code == 200  # the form again (no locale chosen), not a refusal


def test_the_translate_action_is_hidden_for_english_only_pages_only(
    english_only_pages, site_tree, admin_client
):
    for page in english_only_pages:
        html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
        assert translate_url(page) not in html.decode()
    explorer = admin_client.get(reverse("wagtailadmin_explore", args=[site_tree.home.pk]))
    html = explorer.content.decode()
    assert translate_url(site_tree.discussions) not in html
    assert translate_url(site_tree.guidance) in html  # other pages keep the action
    edit_guidance = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[site_tree.guidance.pk])
    )
    assert translate_url(site_tree.guidance) in edit_guidance.content.decode()


def test_translating_the_home_page_with_its_subtree_skips_english_only_sections(
    english_only_pages, site_tree, admin_client, django_capture_on_commit_callbacks
):
    french = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            translate_url(site_tree.home), {"locales": [french.pk], "include_subtree": "on"}
        )
    assert response.status_code == 302

    translated = Page.objects.filter(locale=french).specific()
    assert {type(page).__name__ for page in translated} == {
        "HomePage",
        "TopicIndexPage",
        "CountryIndexPage",
        "StoryIndexPage",
        "GuidanceIndexPage",
    }
