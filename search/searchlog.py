"""What the portal remembers of searches, without personal data.

Two records, both by query text only (no user, no address, no cookie):
- the popular searches (Wagtail's search promotions Query), shown on the empty search page
  and in Wagtail's "Search terms" report;
- a SearchEvent per search, for the report of searches that found nothing or that visitors
  abandoned (search.admin_views). Its random id goes in the result links of that search
  (`open_url`): opening a result marks the search as not abandoned.

A query that looks personal is stored in neither: anything with an e-mail address (an @),
a telephone-like run of digits, a member's name (MemberProfile.display_name) or only words
of one member's name ("tane" for "Aroha Tane").

Only a search's first page without filters is recorded (so that paging and refining do not
count again); the pages and filters of the same search carry its id (`s` in the address).
Events older than KEEP_DAYS are deleted, at most once a day.
"""

import datetime
import re
import threading
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from members.models import MemberProfile

from .models import SearchEvent
from .promotions import log_query
from .query import _words

KEEP_DAYS = 180
EVENT_PARAM = "s"
NAMES_VERSION_KEY = "search:member-names:version"
PRUNED_KEY = "search:events:pruned"
_EMAIL = re.compile(r"\S@|@\S|\bat\b\s*\S+\s*\bdot\b", re.IGNORECASE)
# "+44 20 7946 0958", "020-7946-0958", "0792460958"; not years ("2015 2016").
_PHONE = re.compile(r"\+\d[\d\s().-]{6,}\d|\d{2,}[-.]\d{3,}[-.]\d{3,}|\d{9,}")
_names = threading.local()


# Member names ----------------------------------------------------------------------------


def names_changed(**kwargs):
    """A profile was saved or deleted: member names are read again."""
    cache.set(NAMES_VERSION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(NAMES_VERSION_KEY, uuid.uuid4().hex, None))


def _member_names():
    """({first word: names as word tuples}, {word: numbers of the names it is in}), per
    process until a profile changes."""
    version = cache.get_or_set(NAMES_VERSION_KEY, lambda: uuid.uuid4().hex, None)
    held = getattr(_names, "held", None)
    if held is None or held[0] != version:
        names, by_word = {}, {}
        display_names = MemberProfile.objects.exclude(display_name="").values_list(
            "display_name", flat=True
        )
        for number, display_name in enumerate(display_names):
            words = tuple(word.lower() for word in _words(display_name))
            if not words:
                continue
            names.setdefault(words[0], set()).add(words)
            for word in words:
                by_word.setdefault(word, set()).add(number)
        held = (version, names, by_word)
        _names.held = held
    return held[1], held[2]


def _has_member_name(text):
    words = tuple(_words(text))
    if not words:
        return False
    names, by_word = _member_names()
    # A whole name among the words ("notes from aroha tane")...
    for start, word in enumerate(words):
        for name in names.get(word, ()):
            if words[start : start + len(name)] == name:
                return True
    # ...or nothing but words of one member's name ("tane", "tane aroha").
    common = None
    for word in words:
        holders = by_word.get(word)
        if not holders:
            return False
        common = holders if common is None else common & holders
        if not common:
            return False
    return True


def looks_personal(text):
    """Whether a query looks like an e-mail address, a telephone number or a member's name."""
    text = text or ""
    return bool(_EMAIL.search(text) or _PHONE.search(text) or _has_member_name(text))


# Recording -------------------------------------------------------------------------------


def recorded(params):
    """Whether a search is recorded: its first page, without filters."""
    return bool(params.query) and params.page == 1 and not params.filters


def record_search(params, total):
    """Record a search (see `recorded`) unless its query looks personal: counted for the
    popular searches, and a SearchEvent; returns the event's id, or None."""
    text = params.query.text
    if not recorded(params) or looks_personal(text):
        return None
    log_query(text)
    _prune()
    event = SearchEvent.objects.create(
        query=normalise_query_string(text),
        language=(params.language or "")[:12],
        date=timezone.localdate(),
        results=total,
    )
    return event.pk


def event_id(value):
    """The search event id carried in the address (`s`), if it is one; else None."""
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def record_open(value):
    """A result of the search `value` (an event id) was opened."""
    pk = event_id(value)
    if pk:
        SearchEvent.objects.filter(pk=pk, opened=False).update(opened=True)


def _prune():
    if cache.add(PRUNED_KEY, True, 24 * 3600):
        since = timezone.localdate() - datetime.timedelta(days=KEEP_DAYS)
        SearchEvent.objects.filter(date__lt=since).delete()
