"""Language switcher, hreflang alternates, localized navigation, the marking of content in
another language than the page's frame, and the untranslated-page note. Each tag costs a
bounded number of queries, whatever the number of translations."""

import datetime
import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext, pgettext, pgettext_lazy
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
        with localization.own_urls():
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


def _page_url_in(request, page, translations, code):
    """Where the switcher takes a visitor of `page` who picks `code`: the live translation
    in `code` when there is one, else the page's URL under `code`'s prefix (the English
    page in that language's frame). Without the query string: a page looks the same
    whatever parameters it ignores (tests/core/test_bad_input.py)."""
    by_code = {t["code"]: t for t in translations}
    if by_code.get(code, {}).get("url"):
        return by_code[code]["url"]
    english = by_code.get(localization.default_language())
    if english and english["url"] and english["url"].startswith("/"):
        return localization.path_in(english["url"], code)
    return translate_url(request.path, code)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Every language, the visitor's marked: on a page, the same page in each language (its
    translation, else the English page in that language's frame); on a view that is not a
    page (search, members, accounts), the same view and query (the search's words) in each
    language. On a page not found, each language's home page (the missing page has no
    other language either). One query (shared with the hreflang alternates)."""
    request = context.get("request")
    if request is None:
        return {"translations": []}
    match = getattr(request, "resolver_match", None)
    is_page = isinstance(page, Page) and page.pk
    not_found = match is None or (not is_page and match.url_name == "wagtail_serve")
    current = localization.active_language()
    translations = _translations_for(request, page) if is_page else []
    items = []
    for code, _name in settings.LANGUAGES:
        if is_page:
            url = _page_url_in(request, page, translations, code)
        elif not_found:
            url = localization.path_in("/", code)
        else:
            url = translate_url(request.get_full_path(), code)
        items.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return {"translations": items}


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
    """The page's URL for the visitor: the same as {% pageurl %} (English pages take the
    visitor's /fr/, /es/, /ar/ prefix, core.localization)."""
    return page.get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's own full URL (an English page served in another language's frame is a
    copy of its English original: the original is canonical)."""
    if not isinstance(page, Page) or not page.pk:
        return ""
    with localization.own_urls():
        return page.get_full_url(context.get("request")) or ""


@register.inclusion_tag("includes/translation_fallback_note.html", takes_context=True)
def translation_fallback_note(context, page=None):
    """On a page in another language than the visitor's (the English page at /fr/x/ when
    there is no French translation): say so, in the visitor's language, and why (only ever
    in English, or not translated yet); link to the translation if one exists elsewhere."""
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return {}
    language = localization.active_language()
    page_language = localization.language_of(page)
    if page_language is None or page_language == language:
        return {}
    translation = next((t for t in _translations_for(request, page) if t["code"] == language), None)
    return {
        "language": language,
        "page_language": page_language,
        "translation": translation,
        "english_only": localization.is_english_only(page),
    }


def _language(obj, field=None):
    """The language of `obj`, or of its `field` when `obj` says which of its fields are
    still in English (`english_fields`: a translated SiteTexts)."""
    if field and field in getattr(obj, "english_fields", ()):
        return localization.default_language()
    return localization.language_of(obj)


def _differs(obj, field=None):
    language = _language(obj, field)
    return language and language != localization.active_language()


@register.simple_tag
def content_lang(obj, field=None):
    """` lang="en" dir="ltr"` for an element holding `obj`'s text (a page, anything with a
    locale, or a language code; `field`: one of its fields) when it is not in the visitor's
    language (WCAG 3.1.2, language of parts); nothing otherwise. No query."""
    if not _differs(obj, field):
        return ""
    language = _language(obj, field)
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.simple_tag
def frame_title(page):
    """A page's title in menus, breadcrumbs and section headings: its own when it is in the
    visitor's language; for a section without a translation, the section's name in the
    visitor's language (SectionIndexPage.section_label); else its (English) title, marked
    as such."""
    if not isinstance(page, Page):
        return page
    if not _differs(page):
        return page.title
    label = getattr(page.specific_class, "section_label", None)
    if label:
        return str(label)
    return format_html("<span{}>{}</span>", content_lang(page), page.title)


_ROUND = re.compile(r"^\s*Round\s+(\d+)\s*(?:[·,:-]\s*(.*))?$", re.IGNORECASE)
_SEASONS = {
    "spring": pgettext_lazy("season", "spring"),
    "summer": pgettext_lazy("season", "summer"),
    "autumn": pgettext_lazy("season", "autumn"),
    "fall": pgettext_lazy("season", "autumn"),
    "winter": pgettext_lazy("season", "winter"),
}
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
]  # fmt: skip


def _when(text):
    """ "autumn 2016", "January 2027", "2016" in the visitor's language; None when `text`
    is none of these."""
    words = text.split()
    if len(words) == 1 and words[0].isdigit():
        return words[0]
    if len(words) != 2 or not words[1].isdigit():
        return None
    name, year = words[0].lower(), words[1]
    if name in _SEASONS:
        return pgettext("season and year", "%(season)s %(year)s") % {
            "season": _SEASONS[name],
            "year": year,
        }
    if name in _MONTHS:
        day = datetime.date(int(year), _MONTHS.index(name) + 1, 1)
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    return None


def _round_name(text):
    """(the label in the visitor's language, True) or (`text`, False) when it is not of a
    form known here."""
    match = _ROUND.match(text)
    when = _when(match.group(2)) if match and match.group(2) else None
    if not match or (match.group(2) and not when):
        return text, False
    label = gettext("Round %(number)s") % {"number": formats.localize(int(match.group(1)))}
    return (f"{label} · {when}" if when else label), True


@register.filter
def round_name(text):
    """An editor's round label ("Round 5", "Round 5 · autumn 2016", "Round 4 · January
    2027") as plain text in the visitor's language ("Session 5 · automne 2016"); any other
    label as it is. For <title> and attributes; round_label in the page."""
    return _round_name(str(text or ""))[0]


@register.filter
def round_label(text):
    """round_name, isolated (<bdi>) from the text around it, in the page's direction (an
    Arabic label with a number and a date reads right to left even while its word "Round"
    is not translated yet); a label not translated this way is marked as English in a page
    of another language."""
    label, translated = _round_name(str(text or ""))
    if translated:
        direction = "rtl" if get_language_info(localization.active_language())["bidi"] else "ltr"
        return format_html('<bdi dir="{}">{}</bdi>', direction, label)
    return format_html("<bdi{}>{}</bdi>", content_lang(localization.default_language()), label)


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
