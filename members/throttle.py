"""Quotas on what one member's actions add to data everybody shares (issue #13, finding 12).

Interests are taggit tags: the vocabulary topics, stories and the directory share. The
profile form validates each suggested interest (members.forms: length, words not symbols,
at most a few per save); this module bounds how many new tags one member can create over
time, so that saving the form again and again cannot fill the site's vocabulary.

Counted in the cache (Redis in production, shared by every server process), per member
and per UTC day."""

from django.core.cache import cache
from django.utils import timezone

NEW_INTERESTS_PER_DAY = 6


def _key(user):
    return f"throttle:new-interests:{user.pk}:{timezone.now():%Y-%m-%d}"


def new_interests_left(user):
    """How many new tags `user` may still create today."""
    return max(0, NEW_INTERESTS_PER_DAY - (cache.get(_key(user)) or 0))


def spend_new_interests(user, count):
    """Record that `user` created `count` new tags."""
    if count <= 0:
        return
    key = _key(user)
    if cache.add(key, count, timeout=24 * 3600):
        return
    try:
        cache.incr(key, count)
    except ValueError:  # expired between add and incr
        cache.set(key, count, timeout=24 * 3600)
