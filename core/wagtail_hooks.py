"""Admin and serving hooks of the localization workflow: old ?lang= links sent to the
localized URL, the Translators group's rights on new trees, no "Translate this page"
for English-only page types. The patches of wagtail-localize's views and buttons are in
core/patches.py, applied from here."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpResponsePermanentRedirect
from django.urls import translate_url
from wagtail import hooks
from wagtail.models import Locale, Page

from . import localization, patches, translators


@hooks.register("before_serve_page")
def send_old_fallback_links_to_the_localized_url(page, request, serve_args, serve_kwargs):
    """Earlier versions of the site linked an untranslated page as /topics/x/?lang=fr; the
    page's French URL is now /fr/topics/x/ (the English page in the French frame, see
    core.localization): such links are sent there for good."""
    language = localization.visitor_language(request)
    if language is None or localization.active_language() != localization.default_language():
        return None
    if language == localization.default_language():
        return None
    params = request.GET.copy()
    params.pop(localization.FALLBACK_LANGUAGE_PARAM, None)
    url = translate_url(request.path, language)
    return HttpResponsePermanentRedirect(f"{url}?{params.urlencode()}" if params else url)


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
