"""Spelling correction from the index's own vocabulary (search.vocabulary).

A query word is corrected when the index does not know it (no indexed word has its stem),
or when it is rare (at most RARE_PAGES pages) and a word one edit away is used by at least
RARE_RATIO times as many pages. The correction is the vocabulary word nearest to it
(edit distance 1, or 2 for words of six letters or more; a transposed pair of letters is
one edit), the commonest of equally near ones, then the one that keeps more of the typed
word's beginning. The vocabulary is per language: a search in
French is corrected from the French pages' words and the English ones (English-only
content is searched from every language).

`suggest` only proposes; the engines (search.engines.Engine.find) decide whether to show
the corrected results ("Showing results for …") or to offer them ("Did you mean …?").
A word the index knows is never replaced: it can only be offered as "Did you mean" (and
when a query has an unknown word, only the unknown words are corrected).
"""

import re
from dataclasses import dataclass, replace

from django.conf import settings

from . import vocabulary
from .query import STOP_WORDS, ParsedQuery
from .snippets import stem

MIN_LENGTH = 4  # shorter words are too ambiguous to correct
RARE_PAGES = 5
RARE_RATIO = 20


@dataclass(frozen=True)
class Suggestion:
    query: ParsedQuery  # the corrected query (its text shown to the visitor)
    replaced: tuple[tuple[str, str], ...]  # (typed word, correction)
    unknown: bool  # a typed word is unknown to the index: the query as typed finds nothing


def max_distance(word):
    return 1 if len(word) <= 5 else 2


def languages_for(language):
    """The vocabularies a search in `language` is corrected from: its own and English."""
    code = (language or settings.LANGUAGE_CODE).split("-")[0]
    return tuple(dict.fromkeys([code, settings.LANGUAGE_CODE.split("-")[0]]))


def correctable(word):
    return (
        len(word) >= MIN_LENGTH
        and word not in STOP_WORDS
        and not any(char.isdigit() for char in word)
        and len(word) <= vocabulary.MAX_LENGTH
    )


def best_correction(word, languages, pages=0):
    """The vocabulary word to put in place of `word` (used by `pages` pages), or None."""
    limit = max_distance(word) if not pages else 1
    groups = {}  # (language, stem) -> [distance, pages, word]
    for language, other, other_stem, documents, distance in vocabulary.near(word, languages, limit):
        if other_stem == stem(word, language):
            continue  # the same word for the search (another inflection)
        group = groups.setdefault((language, other_stem), [distance, 0, other, documents])
        group[1] += documents
        if (distance, -documents) < (group[0], -group[3]):
            group[0], group[2], group[3] = distance, other, documents
    needed = max(1, RARE_RATIO * pages)
    ranked = sorted(
        (distance, -total, -_common_prefix(word, other), languages.index(language), other)
        for (language, _stem), (distance, total, other, _best) in groups.items()
        if total >= needed
    )
    return ranked[0][-1] if ranked else None


def _common_prefix(word, other):
    """Letters the two words share at the start: of equally near and common corrections,
    the one that keeps more of what was typed ("respons" -> "response", not "respond")."""
    shared = 0
    for typed, known in zip(word, other, strict=False):
        if typed != known:
            break
        shared += 1
    return shared


def suggest(query, language, expanded=None):
    """A Suggestion for a ParsedQuery, or None when every word looks right. With the
    `expanded` query (search.expansion), a word that has other spellings or synonyms is
    left alone: it was recognised ("cataloging", "ebook" in a synonym set)."""
    recognised = set()
    for words, alternatives in expanded.alternatives if expanded else ():
        if alternatives:
            recognised.update(words)
    words = [word for word in query.typed_words if correctable(word) and word not in recognised]
    if not words:
        return None
    languages = languages_for(language)
    pages = vocabulary.frequencies(words, languages)
    fixes, unknown = {}, False
    for word in words:
        if pages[word] > RARE_PAGES:
            continue
        fix = best_correction(word, languages, pages[word])
        if fix:
            fixes[word] = fix
            unknown = unknown or not pages[word]
    if unknown:  # correct the unknown words only: a known word is never replaced
        fixes = {word: fix for word, fix in fixes.items() if not pages[word]}
    if not fixes:
        return None
    return Suggestion(corrected(query, fixes), tuple(fixes.items()), unknown)


def corrected(query, fixes):
    """The ParsedQuery with the words in `fixes` {typed: correction} replaced, its text
    too (the rest of what was typed is kept as it was)."""

    def fix(word):
        return fixes.get(word, word)

    pattern = re.compile(
        r"(?<![^\W_])(" + "|".join(re.escape(word) for word in fixes) + r")(?![^\W_])",
        re.IGNORECASE,
    )
    text = pattern.sub(lambda found: fixes[found.group(0).lower()], query.text)
    return replace(
        query,
        text=text,
        terms=tuple(dict.fromkeys(fix(term) for term in query.terms)),
        phrases=tuple(tuple(fix(word) for word in phrase) for phrase in query.phrases),
        alternatives=(),
    )
