"""Admin and serving hooks of the localization workflow: the visitor's language kept on
untranslated pages, the Translators group's rights on new trees, no "Translate this page"
for English-only page types. The patches of wagtail-localize's views and buttons are in
core/patches.py, applied from here."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.urls import translate_url
from wagtail import hooks
from wagtail.models import Locale, Page

from . import localization, patches, translators


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


@hooks.register("construct_page_listing_buttons")
def hide_translate_button_in_listings(buttons, page, user, context=None):
    """No "Translate this page" in an English-only page's explorer row: wagtail-localize
    puts it in the row's "more" dropdown, whose buttons are filtered here."""
    if not localization.is_english_only(page):
        return
    url = patches.translate_page_url(page)
    buttons[:] = [button for button in buttons if getattr(button, "url", None) != url]
    for button in buttons:
        if getattr(button, "dropdown_buttons", None):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if b.url != url]


patches.apply()
