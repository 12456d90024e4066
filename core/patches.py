"""Every change this project makes to Wagtail's or wagtail-localize's own behaviour, where no
supported hook or setting does it. Each patch says what it changes and what would let it go;
tests/core/test_patches.py fails when an upgrade breaks one (or its reason). apply() is called
once, from core/wagtail_hooks.py.

1. wagtail-localize's PO upload, replaced at its own URL by core.views.upload_pofile.
   Until wagtail-localize checks an uploaded PO file (for this translation, placeholders
   intact) before importing it, and imports it as a draft for moderation.
2. wagtail-localize's "Translate this page" view, replaced at its own URL by
   core.views.SubmitPageTranslationView, which refuses English-only page types and skips
   them when a subtree is translated.
   Until wagtail-localize lets a page type opt out of translation.
3. "Translate this page" hidden from the page header's "more" menu (edit view, explorer
   header) for English-only page types, by wrapping wagtail-localize's button function where
   Wagtail's hook registry holds it (Wagtail has no construct hook for page header buttons;
   the explorer rows use the supported construct_page_listing_buttons, in wagtail_hooks.py).
   Until Wagtail has a construct_page_header_buttons hook, or wagtail-localize lets a page
   type opt out of translation.
4. Page.get_url_parts wrapped, for every page type, specific or not: an English page's
   URL takes the visitor's /fr/, /es/ or /ar/ prefix while a request under that prefix is
   answered, so that every link keeps the visitor's language (core.localization). An
   override on the project's page models would miss the plain Page instances that menus,
   breadcrumbs, parents and search results hold; Wagtail has no hook for a page's URL.
   Until Wagtail can serve a locale's untranslated pages at that locale's URLs (or has a
   hook for page URLs).
"""

import functools

from django.urls import path, reverse
from wagtail import hooks
from wagtail.models import Page

from . import localization, views

# Paths of wagtail-localize's own views under /admin/ (wagtail_localize/wagtail_hooks.py).
LOCALIZE_PO_UPLOAD_PATH = "localize/translate/<int:translation_id>/pofile/upload/"
LOCALIZE_SUBMIT_PAGE_PATH = "localize/submit/page/<int:page_id>/"


def localize_views_replaced_at_their_urls():
    """Patches 1 and 2: the same paths as wagtail-localize's views, registered before its
    own (order=-1), so that Django's resolver finds these first and wagtail-localize's
    editor and buttons, which reverse its own URL names, reach them."""
    return [
        path(LOCALIZE_PO_UPLOAD_PATH, views.upload_pofile, name="portal_upload_pofile"),
        path(
            LOCALIZE_SUBMIT_PAGE_PATH,
            views.SubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
    ]


def translate_page_url(page):
    """The URL of wagtail-localize's "Translate this page" button for `page`."""
    return reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.pk])


def without_translate_button_for_english_only_pages(buttons_hook):
    """`buttons_hook` (wagtail-localize's button function) without "Translate this page" on
    English-only page types."""

    @functools.wraps(buttons_hook)
    def buttons(page, *args, **kwargs):
        found = buttons_hook(page, *args, **kwargs)
        if not localization.is_english_only(page):
            yield from found
            return
        url = translate_page_url(page)
        yield from (button for button in found if button.url != url)

    return buttons


def hide_translate_button_in_page_headers():
    """Patch 3. Returns whether wagtail-localize's button function was found (and wrapped)
    among the page header button hooks."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    original = localize_hooks.page_listing_more_buttons
    registered = hooks._hooks.get("register_page_header_buttons", [])
    for position, (fn, order) in enumerate(registered):
        if fn is original:
            registered[position] = (without_translate_button_for_english_only_pages(fn), order)
            return True
    return False


def with_visitor_language_prefix(get_url_parts):
    """Patch 4: Wagtail's Page.get_url_parts, then core.localization's prefix."""

    @functools.wraps(get_url_parts)
    def wrapped(self, request=None):
        return localization.localized_url_parts(self, get_url_parts(self, request))

    wrapped.portal_patch = True
    return wrapped


def prefix_english_page_urls():
    """Patch 4, once (apply() may run again in tests that reload the hooks)."""
    if not getattr(Page.get_url_parts, "portal_patch", False):
        Page.get_url_parts = with_visitor_language_prefix(Page.get_url_parts)


def apply():
    hooks.register("register_admin_urls", localize_views_replaced_at_their_urls, order=-1)
    hide_translate_button_in_page_headers()
    prefix_english_page_urls()
