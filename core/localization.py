"""Which language a visitor reads, and which pages they see in it. No request-free side
effects: every function takes plain values (pages, language codes) and returns plain data.

Rules (see the "Translations" section of the README):
- English is the source; other locales hold translations made with wagtail-localize.
- The visitor's language is the URL's: English at the root, the others under /fr/, /es/,
  /ar/. Every page has a URL in every language: /fr/topics/x/ is the French translation of
  /topics/x/ when there is one (slugs are synchronised), else the English page itself,
  served inside the French frame (menus, labels, dates) with its content marked
  lang="en" and a note. So while a request under a prefix is answered, every English
  page's URL carries that prefix (`visitor_url_language`, set by
  core.visitor_language.VisitorLanguageMiddleware; patch 4 of core.patches applies it to
  Page.get_url_parts), and a visitor who follows any link keeps their language.
- A translated listing shows the source pages, each replaced by its live translation when
  there is one.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from .models import SiteTexts

FALLBACK_LANGUAGE_PARAM = "lang"
SITE_TEXT_FIELDS = ("application_title", "application_text", "footer_text")


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def is_content_language(code):
    return code in content_language_codes()


def default_language():
    return settings.LANGUAGE_CODE


def active_language():
    """The active content language code (Django may report a variant such as en-us)."""
    code = translation.get_language() or default_language()
    if is_content_language(code):
        return code
    base = code.split("-")[0]
    return base if is_content_language(base) else default_language()


_locale_codes = {}


def locale_code(locale_id):
    """The language code of a Locale id without a query per page: locales are few and
    almost never change (a Locale's post_save receiver, forget_locale_codes, clears the
    cache)."""
    if locale_id not in _locale_codes:
        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("id", "language_code"))
    return _locale_codes.get(locale_id)


def forget_locale_codes():
    _locale_codes.clear()


def language_order(code):
    codes = content_language_codes()
    return codes.index(code) if code in codes else len(codes)


def private_paths():
    """Tree paths of the sections behind a view restriction (login, password, groups)."""
    return [
        r.page.path for r in PageViewRestriction.objects.select_related("page").only("page__path")
    ]


def is_private(page, restricted_paths):
    return any(page.path.startswith(path) for path in restricted_paths)


def live_translations(page, restricted_paths=()):
    """Every live, non-alias version of `page` (itself included) outside the restricted
    sections, in the order of settings.LANGUAGES. One query."""
    pages = Page.objects.filter(
        translation_key=page.translation_key, alias_of__isnull=True, live=True
    ).select_related("locale")
    pages = [p for p in pages if not is_private(p, restricted_paths)]
    return sorted(pages, key=lambda p: language_order(p.locale.language_code))


def localize_pages(pages, language_code, restricted_paths=()):
    """`pages` (source-locale pages) each replaced by its live translation in
    `language_code` when there is one, else left as they are. One query at most."""
    pages = list(pages)
    if not pages or all(locale_code(p.locale_id) == language_code for p in pages):
        return pages
    translations = {
        p.translation_key: p
        for p in Page.objects.filter(
            translation_key__in=[p.translation_key for p in pages],
            locale__language_code=language_code,
            alias_of__isnull=True,
            live=True,
        )
        if not is_private(p, restricted_paths)
    }
    return [translations.get(p.translation_key, p) for p in pages]


def localized_children(parent, model=Page):
    """Live children of `parent` as a visitor of its locale should see them: the children
    of its source-locale version, each replaced by its live translation in `parent`'s
    locale, followed by pages that exist only in `parent`'s locale. Three queries."""
    own = list(model.objects.child_of(parent).live().public().specific())
    language = locale_code(parent.locale_id)
    if language == default_language():
        return own
    source = (
        Page.objects.filter(
            translation_key=parent.translation_key, locale__language_code=default_language()
        )
        .only("path", "depth")
        .first()
    )
    if source is None:
        return own
    by_key = {p.translation_key: p for p in own}
    source_children = model.objects.child_of(source).live().public().specific()
    listing = [by_key.pop(p.translation_key, p) for p in source_children]
    return listing + list(by_key.values())


# The prefix English pages' URLs take while a request under /fr/, /es/ or /ar/ is answered.
_url_language = ContextVar("portal_url_language", default=None)


def visitor_url_language():
    """The language whose prefix English pages' URLs take now (None: their own URLs)."""
    return _url_language.get()


@contextmanager
def urls_in(language_code):
    """English pages' URLs take `language_code`'s prefix inside the block (None, or the
    default language: their own URLs)."""
    if language_code == default_language() or not is_content_language(language_code or ""):
        language_code = None
    token = _url_language.set(language_code)
    try:
        yield
    finally:
        _url_language.reset(token)


def own_urls():
    """Pages' own URLs inside the block (hreflang alternates, canonical URLs)."""
    return urls_in(None)


def localized_url_parts(page, url_parts):
    """Wagtail's (site id, root URL, path) of `page`, its path under the visitor's prefix
    when `page` is an English page and the visitor reads another language (see the module's
    docstring). No query (locale codes are cached)."""
    language = _url_language.get()
    if language is None or not url_parts or url_parts[2] is None:
        return url_parts
    if locale_code(page.locale_id) != default_language():
        return url_parts
    site_id, root_url, path = url_parts
    return site_id, root_url, path_in(path, language)


def path_in(path, language_code):
    """An English page's path (/topics/x/) under `language_code`'s prefix (/fr/topics/x/);
    as it is for English."""
    if language_code == default_language():
        return path
    return f"/{language_code}{path}"


def language_of(obj):
    """The language code of a page (or of anything with a `locale_id`), or `obj` itself
    when it is a language code; None when unknown."""
    if isinstance(obj, str):
        return obj or None
    locale_id = getattr(obj, "locale_id", None)
    return locale_code(locale_id) if locale_id else None


def visitor_language(request):
    """The language asked for with ``?lang=`` (the links of earlier versions of the site
    to an untranslated page), if it is a content language."""
    code = request.GET.get(FALLBACK_LANGUAGE_PARAM, "")
    return code if is_content_language(code) else None


def is_english_only(page):
    """Page types whose content is only ever published in English (partnerships are
    conducted in English) say so with `english_only = True` on the model: they get the
    "only in English" note rather than "not translated yet", and wagtail-localize's
    "Translate" action is refused for them."""
    return getattr(page.specific_class, "english_only", False)


def site_texts(language_code):
    """The SiteTexts in `language_code`: the translation of the English (source) one, else
    the English one itself; None when there is none. One query."""
    versions = list(
        SiteTexts.objects.filter(
            locale__language_code__in={language_code, default_language()}
        ).order_by("pk")
    )
    source = next((t for t in versions if locale_code(t.locale_id) == default_language()), None)
    if source is None:
        return None
    texts = next(
        (
            t
            for t in versions
            if t.translation_key == source.translation_key
            and locale_code(t.locale_id) == language_code
        ),
        source,
    )
    # A translation's fields still as in English (not translated yet), for lang="en".
    texts.english_fields = {
        field
        for field in SITE_TEXT_FIELDS
        if texts is not source
        and getattr(texts, field)
        and getattr(texts, field) == getattr(source, field)
    }
    return texts
