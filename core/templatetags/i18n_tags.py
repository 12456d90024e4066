"""Language switcher, hreflang alternates, localized navigation and the untranslated-page
note. Each tag costs a bounded number of queries, whatever the number of translations."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, gettext
from wagtail.models import Page, Site

from core import localization
from core.models import DEFAULT_APPLICATION_TITLE, SiteTexts

register = template.Library()


def _restricted_paths(request):
    """Paths of view-restricted sections, fetched once per request."""
    if not hasattr(request, "_portal_restricted_paths"):
        request._portal_restricted_paths = localization.private_paths()
    return request._portal_restricted_paths


def _translations_for(request, page):
    """Live translations of `page`, fetched once per request."""
    cache = request.__dict__.setdefault("_portal_translations", {})
    if page.pk not in cache:
        cache[page.pk] = [
            {
                "code": p.locale.language_code,
                "name": get_language_info(p.locale.language_code)["name_local"],
                "url": p.get_url(request),
                "full_url": p.get_full_url(request),
                "is_current": p.pk == page.pk,
            }
            for p in localization.live_translations(page, _restricted_paths(request))
        ]
    return cache[page.pk]


def _view_translations(request):
    """The other languages' URLs of a view that is not a Wagtail page (search, members,
    accounts): those views exist in every language, so each language is listed."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return []
    current = get_language()
    path = request.get_full_path()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to the live translations of `page` (or, on a view that is not a page, to the
    view in every language); nothing when there is no other version."""
    request = context.get("request")
    if request is None:
        return {"translations": []}
    if not isinstance(page, Page) or not page.pk:
        return {"translations": _view_translations(request)}
    translations = _translations_for(request, page)
    return {"translations": translations if len(translations) > 1 else []}


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None):
    """(hreflang, absolute URL) for each live translation, then x-default (the source)."""
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return []
    translations = [t for t in _translations_for(request, page) if t["full_url"]]
    if len(translations) < 2:
        return []
    alternates = [(t["code"], t["full_url"]) for t in translations]
    default = next(
        (t for t in translations if t["code"] == localization.default_language()),
        translations[0],
    )
    return alternates + [("x-default", default["full_url"])]


@register.simple_tag(takes_context=True)
def localized_menu(context):
    """The site's menu in the active language: the source home page's menu pages, each
    replaced by its live translation when there is one. Three queries per request."""
    request = context["request"]
    cached = getattr(request, "_portal_localized_menu", None)
    if cached is None:
        site = Site.find_for_request(request)
        language = localization.active_language()
        cached = []
        if site is not None:
            restricted = _restricted_paths(request)
            source_menu = [
                p
                for p in site.root_page.get_children().live().in_menu()
                if not localization.is_private(p, restricted)
            ]
            cached = localization.localize_pages(source_menu, language, restricted)
        request._portal_localized_menu = cached
    return cached


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The page's URL for the active language (``?lang=`` on an untranslated fallback)."""
    return localization.fallback_url(page, context["request"], localization.active_language())


@register.inclusion_tag("includes/translation_fallback_note.html", takes_context=True)
def translation_fallback_note(context, page=None):
    """On a page reached from a translated section (``?lang=xx``): say, in the visitor's
    language, that this page is not translated yet, or link to the translation."""
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return {}
    language = localization.visitor_language(request)
    if language is None or language == localization.active_language():
        return {}
    translation = next((t for t in _translations_for(request, page) if t["code"] == language), None)
    return {
        "language": language,
        "bidi": get_language_info(language)["bidi"],
        "translation": translation,
        "english_only": localization.is_english_only(page),
    }


@register.simple_tag(takes_context=True)
def site_texts(context):
    """The SiteTexts snippet in the active language, else the English one (the source):
    one query per request, whatever the number of locales. Without any SiteTexts yet, an
    unsaved one with the default call-to-action title in the active language."""
    request = context.get("request")
    cached = getattr(request, "_portal_site_texts", None)
    if cached is None:
        cached = localization.site_texts(localization.active_language())
        if cached is None:
            cached = SiteTexts(application_title=gettext(DEFAULT_APPLICATION_TITLE))
        if request is not None:
            request._portal_site_texts = cached
    return cached


@register.simple_tag
def is_translation(page):
    """True for a page in a locale other than the source (English) one."""
    return isinstance(page, Page) and (
        localization.locale_code(page.locale_id) != localization.default_language()
    )
