"""Admin and serving hooks of the localization workflow: wagtail-localize's PO upload and
"Translate this page" replaced by checked versions at the same URLs, the visitor's
language kept on untranslated pages, and the Translators group's rights on new trees."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.urls import path, reverse, translate_url
from wagtail import hooks
from wagtail.models import Locale, Page

from . import localization, translators, views


@hooks.register("register_admin_urls")
def register_localization_admin_urls():
    return [
        # Same path as wagtail-localize's PO upload, so its editor posts to this checked
        # version: the "core" app's hooks are registered before wagtail_localize's.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="portal_upload_pofile",
        ),
        # wagtail-localize's "Translate this page", refusing English-only page types.
        path(
            "localize/submit/page/<int:page_id>/",
            views.SubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
    ]


@hooks.register("before_serve_page")
def redirect_untranslated_page_to_its_own_url(page, request, serve_args, serve_kwargs):
    """A page reached under another language's prefix (/fr/topics/ when there is no French
    topics page, so the English one was routed) is sent to its own URL, telling it the
    visitor's language with ?lang= so that it can say the translation is missing."""
    language = localization.active_language()
    page_language = localization.locale_code(page.locale_id)
    if page_language == language:
        return None
    params = request.GET.copy()
    params[localization.FALLBACK_LANGUAGE_PARAM] = language
    url = translate_url(request.path, page_language)
    return HttpResponseRedirect(f"{url}?{params.urlencode()}")


@receiver(post_save, dispatch_uid="core.grant_translators_on_new_locale_tree")
def grant_translators_on_new_locale_tree(sender, instance, created, **kwargs):
    if created and isinstance(instance, Page) and translators.is_translated_tree_root(instance):
        translators.grant_translator_permissions(instance)


@receiver(post_save, sender=Locale, dispatch_uid="core.forget_locale_codes")
def forget_locale_codes(sender, **kwargs):
    localization.forget_locale_codes()


def _without_translate_button_for_english_only_pages(localize_buttons):
    def buttons(page, *args, **kwargs):
        translate_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        for button in localize_buttons(page, *args, **kwargs):
            if localization.is_english_only(page) and button.url == translate_url:
                continue
            yield button

    return buttons


def _hide_translate_button_for_english_only_pages():
    """wagtail-localize adds "Translate this page" to every page's header and listing menus,
    and Wagtail has no hook to remove a button from them: its hook function is replaced by a
    filtered one. Imported here, after this module's register_admin_urls, so that the URL
    overrides above still come first."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    original = localize_hooks.page_listing_more_buttons
    for hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
        registered = hooks._hooks.get(hook_name, [])
        for position, (fn, order) in enumerate(registered):
            if fn is original:
                filtered = _without_translate_button_for_english_only_pages(original)
                registered[position] = (filtered, order)


_hide_translate_button_for_english_only_pages()
