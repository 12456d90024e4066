"""Searches are cached until the searchable content changes.

A search's count, facets and page of result ids are cached under a key that includes the
content's *generation*: a token replaced whenever a page is saved or deleted, a privacy
setting or a tag changes, or the search documents are written (imports). Nothing is ever
served from before a change, however long SEARCH_CACHE_SECONDS is; the cache only saves
repeating the same search over unchanged content (a popular search over a large archive
costs several hundred milliseconds on PostgreSQL when it matches most of it).

With several server processes the cache must be shared (REDIS_URL), or each process keeps
its own generation and may serve a search from before a change made through another
process, for at most SEARCH_CACHE_SECONDS.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "search:generation"


def generation():
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def content_changed(raw=False, **kwargs):
    """Start a new generation now, and again when the transaction commits (so that a
    search running meanwhile cannot cache the old content under the new generation).

    Raw saves (fixtures, the discussion importer's bulk path) are skipped, as Wagtail's
    indexing skips them: the importer says when it is done (topics.importer's
    discussions_imported), once, instead of once per page."""
    if raw:
        return
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def key_for(params):
    query = params.query
    parts = (
        params.language,
        query.terms,
        query.phrases,
        params.filters,
        params.sort,
        params.page,
        params.verbatim,
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"search:results:{generation()}:{digest}"


def cached(params, compute):
    """compute() for params, or its cached value for the same search and content."""
    seconds = getattr(settings, "SEARCH_CACHE_SECONDS", 300)
    if not seconds:
        return compute()
    key = key_for(params)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found
