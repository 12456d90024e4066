"""Editors' synonym sets (search.models.SynonymSet): read once, then cached until a set
changes. A set is words and phrases that mean the same ("weeding, deselection";
"makerspace, maker space, fab lab"); search.expansion applies them to every query."""

import re

from django.core.cache import cache
from django.db import transaction

from .query import MAX_WORD_LENGTH, _words

CACHE_KEY = "search:synonym-sets"
MAX_TERMS_PER_SET = 20
MAX_WORDS_PER_TERM = 4
_SEPARATORS = re.compile(r"[,;=\n\r|]+")


def parse_terms(text):
    """The terms of a set's text as tuples of words, as search.query reads a query (lower
    case, letters and digits), duplicates removed, in the order written."""
    terms = []
    for part in _SEPARATORS.split(text or ""):
        words = tuple(word[:MAX_WORD_LENGTH] for word in _words(part))[:MAX_WORDS_PER_TERM]
        if words and words not in terms:
            terms.append(words)
    return tuple(terms[:MAX_TERMS_PER_SET])


def all_sets():
    """[(language or "", terms)] of every synonym set with at least two terms (cached)."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        from .models import SynonymSet

        sets = []
        for language, text in SynonymSet.objects.values_list("language", "terms"):
            terms = parse_terms(text)
            if len(terms) > 1:
                sets.append((language, terms))
        cache.set(CACHE_KEY, sets, None)
    return sets


def sets_for(language):
    """The term tuples of the sets that apply to searches in `language`."""
    code = (language or "").split("-")[0]
    return [terms for set_language, terms in all_sets() if set_language in ("", code)]


def changed(**kwargs):
    """A set was saved or deleted: forget the cached sets, and the cached searches."""
    from .results_cache import content_changed

    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
    content_changed()
