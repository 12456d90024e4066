"""The page cache: anonymous page views served from the shared cache (Redis in production).

`PageCacheMiddleware` sits early in MIDDLEWARE, right after LocaleMiddleware (so that the
visitor's language is known). A GET is looked up by its scheme, host, path with query
string, and language; a hit is answered from the cache without touching the database, and
the response carries `X-Cache: hit`. A miss (`X-Cache: miss`) renders the page and stores
it if it is safe to share; anything else is `X-Cache: skip`.

Never stored, never served from the cache:
- requests that carry a session (a logged-in member or editor, a visitor who passed a
  page's password, an editor's preview) or pending messages, or an Authorization header,
  and paths under PAGE_CACHE_EXCLUDED_PATHS in any language (the admin; members' profiles
  and photos, which a member may make private at any moment);
- responses that are not 200, streamed, set a cookie (the CSRF cookie, the language
  cookie, messages, a session), used the CSRF token (a form), say Cache-Control private,
  no-store or no-cache, or vary on anything but Cookie and Accept-Language (the key holds
  the language; a request with cookies that change a page is never served from the cache).

Invalidation, by generations: each stored page records the generation of every tag it
depends on, and is served only while they are all current.
- `CONTENT`: every page depends on it. A new generation starts when a page is saved,
  published, unpublished, moved or deleted (translations included), a page's privacy, a
  tag, a locale, the site, an image or a document changes, site settings or site texts
  change, a discussion import finishes, or one of PAGE_CACHE_CONTENT_MODELS changes (the
  rounds, which the home page's call to apply follows). It ends every cached page of the
  site in every language: the page itself, its parents' listings, the home page, menus,
  feeds, the sitemap and searches all show pages, and a page's title, menu flag or
  translation appears on other pages; one counter keeps that simple and correct.
- `FIGURES`: the figures computed from members' and programme data (PAGE_CACHE_FIGURE_MODELS
  change them: a new member, an application, a partnership, feedback). Only the pages
  that showed figures depend on it (the home page, the country pages, the open figures),
  by calling `generation(FIGURES)` while they render; the figures' own caches are keyed by
  it too. A member updating her profile ends those few pages, not the whole site.
A change bumps the generation at once and again when its transaction commits, so a page
rendered meanwhile from the old data is never stored under the new generation.

Anything else a page shows (dates: a round's window, a topic's release) is at most
PAGE_CACHE_SECONDS old. Cache errors (Redis gone) are logged and the page is rendered as
if uncached; the cache is used again as soon as it answers.
"""

import contextvars
import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

CONTENT = "content"
FIGURES = "figures"

HEADER = "X-Cache"
HIT, MISS, SKIP = "hit", "miss", "skip"

# Vary values a stored page may carry: the key holds the language, and requests whose
# cookies could change the page (session, messages) never use the cache.
SHAREABLE_VARY = {"cookie", "accept-language"}
# Cookies that make a request personal: never served from, or stored in, the cache (the
# session's, whatever SESSION_COOKIE_NAME says, and the messages' cookie storage's).
MESSAGES_COOKIE = "messages"

_VERSION_PREFIX = "pagecache:generation:"
_PAGE_PREFIX = "pagecache:page:"

# The generations read by the request being rendered (None outside a cacheable request).
_generations = contextvars.ContextVar("page_cache_generations", default=None)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# Generations ------------------------------------------------------------------------------


def _read_generations(tags):
    """{tag: generation}, starting a generation for a tag that has none (first use, or
    evicted: either way nothing stored under an older one can match it)."""
    cache = _cache()
    keys = {tag: _VERSION_PREFIX + tag for tag in tags}
    found = cache.get_many(list(keys.values()))
    result = {}
    for tag, key in keys.items():
        value = found.get(key)
        if value is None:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            value = cache.get(key) or uuid.uuid4().hex
        result[tag] = value
    return result


def generation(tag):
    """The current generation of `tag`, as a string for cache keys. Called while a page
    renders, it also makes the page depend on `tag` (the page is served from the cache
    only while the generation lasts)."""
    recorded = _generations.get()
    if recorded is not None and tag in recorded:
        return recorded[tag]
    try:
        value = _read_generations([tag])[tag]
    except Exception:
        logger.warning("Page cache: could not read the generation of %r", tag, exc_info=True)
        value = "unavailable"
    if recorded is not None:
        recorded[tag] = value
    return value


def bump(*tags):
    """Start new generations for `tags` now and again when the transaction commits."""

    def new_generations():
        try:
            _cache().set_many({_VERSION_PREFIX + tag: uuid.uuid4().hex for tag in tags}, None)
        except Exception:
            logger.warning("Page cache: could not start a new generation", exc_info=True)

    new_generations()
    transaction.on_commit(new_generations)


def content_changed(*args, **kwargs):
    """Signal receiver: anything every page may show has changed."""
    bump(CONTENT)


def settings_changed(sender, created=False, **kwargs):
    """Signal receiver for site settings: Wagtail creates a site's settings, with their
    defaults, the first time a page reads them; that changes nothing a page showed."""
    if not created:
        bump(CONTENT)


def figures_changed(*args, **kwargs):
    """Signal receiver: data behind the figures has changed."""
    bump(FIGURES)


def connect():
    """Connect the receivers that start new generations (CoreConfig.ready)."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteSettings, SiteTexts

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid="page-cache-content")
    content_models = [
        *get_page_models(),
        PageViewRestriction,
        Tag,
        Locale,
        Site,
        SiteTexts,
        get_image_model(),
        get_document_model(),
        *(apps.get_model(label) for label in settings.PAGE_CACHE_CONTENT_MODELS),
    ]
    figure_models = [apps.get_model(label) for label in settings.PAGE_CACHE_FIGURE_MODELS]
    for signal in (post_save, post_delete):
        for model in content_models:
            signal.connect(
                content_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}"
            )
        signal.connect(settings_changed, sender=SiteSettings, dispatch_uid="page-cache-settings")
        for model in figure_models:
            signal.connect(
                figures_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}"
            )


# What may be cached --------------------------------------------------------------------------


def request_is_cacheable(request):
    if request.method != "GET" or _seconds() <= 0:
        return False
    path = request.path_info
    language = get_language_from_path(path)
    if language:  # /fr/members/ is /members/ in French
        path = path[len(language) + 1 :]
    if any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    personal = (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)
    return not any(name in request.COOKIES for name in personal)


def response_is_storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if response.has_header("Content-Encoding"):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= SHAREABLE_VARY


def page_key(request):
    parts = "\n".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
        )
    )
    return _PAGE_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


# The middleware ---------------------------------------------------------------------------


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            response[HEADER] = SKIP
            return response
        try:
            key = page_key(request)
        except DisallowedHost:
            response = self.get_response(request)  # answered by CommonMiddleware (400)
            response[HEADER] = SKIP
            return response
        try:
            cache = _cache()
            entry = cache.get(key)
            generations = _read_generations([CONTENT, *(entry[0] if entry else ())])
        except Exception:
            # A cache that does not answer: logged, and the page rendered without it.
            logger.warning("Page cache: lookup failed for %s", request.path, exc_info=True)
            response = self.get_response(request)
            response[HEADER] = SKIP
            return response

        if entry is not None:
            stored, status, headers, content = entry
            if all(generations.get(tag) == value for tag, value in stored.items()):
                response = HttpResponse(content, status=status)
                for name, value in headers:
                    response[name] = value
                response[HEADER] = HIT
                return response

        recorded = {CONTENT: generations[CONTENT]}
        token = _generations.set(recorded)
        try:
            response = self.get_response(request)
        finally:
            _generations.reset(token)
        if not response_is_storable(request, response):
            response[HEADER] = SKIP
            return response

        def store(response):
            headers = [(k, v) for k, v in response.items() if k.lower() != HEADER.lower()]
            entry = (recorded, response.status_code, headers, response.content)
            try:
                cache.set(key, entry, _seconds())
            except Exception:
                logger.warning("Page cache: could not store %s", request.path, exc_info=True)

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        response[HEADER] = MISS
        return response
