"""Guards of core/patches.py: each test fails when a Wagtail or wagtail-localize upgrade
breaks a patch (its target moved or renamed, or the patch no longer takes effect). The
behaviour behind patches 1 and 2 is tested in tests/localization/test_workflow.py (PO
upload) and tests/localization/test_english_only.py (English-only page types)."""

import pytest
from django.test import RequestFactory
from django.urls import resolve, reverse
from wagtail import hooks
from wagtail.admin.templatetags.wagtailadmin_tags import page_listing_buttons
from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.views import submit_translations

from core import patches, views
from topics.factories import DiscussionPageFactory


def test_patch_1_po_upload_is_ours_at_wagtail_localizes_url():
    url = reverse("wagtail_localize:upload_pofile", args=[7])
    assert url == reverse("portal_upload_pofile", args=[7])
    assert resolve(url).url_name == "portal_upload_pofile"


def test_patch_2_submit_page_translation_is_ours_at_wagtail_localizes_url():
    url = reverse("wagtail_localize:submit_page_translation", args=[7])
    assert url == reverse("portal_submit_page_translation", args=[7])
    assert resolve(url).url_name == "portal_submit_page_translation"
    # The replacement extends wagtail-localize's view and relies on these of its parts.
    assert issubclass(
        views.SubmitPageTranslationView, submit_translations.SubmitPageTranslationView
    )
    for name in ("get_object", "form_valid", "get_form"):
        assert hasattr(submit_translations.SubmitPageTranslationView, name), name


def test_patch_3_wraps_wagtail_localizes_header_buttons():
    header_hooks = hooks.get_hooks("register_page_header_buttons")
    assert localize_hooks.page_listing_more_buttons not in header_hooks
    wrapped = [fn for fn in header_hooks if getattr(fn, "__wrapped__", None)]
    assert [fn.__wrapped__ for fn in wrapped] == [localize_hooks.page_listing_more_buttons]


def test_the_listing_dropdown_still_gets_wagtail_localizes_buttons_from_its_hook():
    """The explorer rows are filtered by construct_page_listing_buttons (supported); they
    still hold wagtail-localize's buttons through register_page_listing_more_buttons."""
    more_hooks = hooks.get_hooks("register_page_listing_more_buttons")
    assert localize_hooks.page_listing_more_buttons in more_hooks


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("c", "c@example.org", "pw")


def header_urls(page, user):
    return [b.url for b in get_page_header_buttons(page, user, "/admin/", "edit")]


def listing_urls(page, user):
    request = RequestFactory().get("/admin/pages/")
    request.user = user
    buttons = page_listing_buttons({"request": request}, page, user)["buttons"]
    urls = [getattr(button, "url", None) for button in buttons]
    for button in buttons:
        urls += [b.url for b in getattr(button, "dropdown_buttons", [])]
    return urls


@pytest.mark.django_db
def test_translate_button_only_on_pages_that_may_be_translated(site_tree, locales, superuser):
    discussion = DiscussionPageFactory(parent=site_tree.discussions)
    for page in (site_tree.guidance, site_tree.topics):
        url = patches.translate_page_url(page)
        assert url in header_urls(page, superuser)
        assert url in listing_urls(page, superuser)
    for page in (site_tree.discussions, discussion):
        url = patches.translate_page_url(page)
        assert url not in header_urls(page, superuser)
        assert url not in listing_urls(page, superuser)


def test_patch_4_wraps_wagtails_own_get_url_parts():
    """Page.get_url_parts is Wagtail's, wrapped once (apply() run again does not wrap it
    twice), and every page type inherits it: no project page model overrides it."""
    from wagtail.models import Page, get_page_models

    patches.prefix_english_page_urls()
    wrapped = Page.get_url_parts
    assert wrapped.portal_patch
    assert wrapped.__wrapped__.__module__ == "wagtail.models.pages"
    assert wrapped.__wrapped__.__qualname__ == "Page.get_url_parts"
    assert not getattr(wrapped.__wrapped__, "portal_patch", False)
    for model in get_page_models():
        assert model.get_url_parts is wrapped, model
