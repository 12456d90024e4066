"""The search index's vocabulary: every word of the indexed pages, per language, with the
number of pages that use it (search.models.SearchTerm). Spelling correction
(search.spelling) corrects a query's words from it.

Kept with the search documents: when the database backends index pages
(search.documents.sync), their words are added, a new page counting once for each of its
words; `manage.py update_search_vocabulary` (and `update_index`) count them again from the
index, which also drops the words of deleted pages. Counts are only used to prefer common
words, so a word counted once too often does no harm.

Finding the words near a typo (edit distance up to 2) is done by a library, not by a loop
over the vocabulary: on PostgreSQL, pg_trgm's trigram index (GiST) gives the words nearest
to the typo by trigram distance; elsewhere rapidfuzz compares the typo with every word of
the language, held in memory (a few milliseconds for 100,000 words). The exact distance
(optimal string alignment: a transposed pair of letters is one edit) is rapidfuzz's in
both cases.
"""

import re
import threading
import uuid
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from rapidfuzz import process
from rapidfuzz.distance import OSA

from core.localization import locale_code

from .models import SearchTerm
from .snippets import searchable_text, stem

MIN_LENGTH = 2
MAX_LENGTH = 40
VERSION_KEY = "search:vocabulary:version"
# PostgreSQL: how many of the words nearest to a typo by trigram distance are measured.
NEAR_CANDIDATES = 50
_WORD = re.compile(r"[^\W\d_]+")  # letters only: numbers are never corrected


def words_of(text):
    """The vocabulary words of a text: lower case, letters only, 2 to 40 of them."""
    return {
        word
        for word in _WORD.findall((text or "").lower())
        if MIN_LENGTH <= len(word) <= MAX_LENGTH
    }


def language_of(page):
    return (locale_code(page.locale_id) or settings.LANGUAGE_CODE).split("-")[0]


def version():
    """A token replaced whenever words are added (the in-memory vocabularies reload)."""
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def _changed():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


# Writing ---------------------------------------------------------------------------------

_INSERT = (
    "INSERT INTO {table} (language, word, stem, documents) VALUES {values} "
    "ON CONFLICT (language, word) DO {action}"
)
_BATCH = 500


def _upsert(rows, add):
    """Insert (language, word, documents) rows; an existing word gets `documents` added
    (add=True) or is left alone."""
    table = SearchTerm._meta.db_table
    action = f"UPDATE SET documents = {table}.documents + excluded.documents" if add else "NOTHING"
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
            params = []
            for language, word, documents in batch:
                params += [language, word, stem(word, language)[:60], documents]
            cursor.execute(_INSERT.format(table=table, values=values, action=action), params)


def record(pages, new_ids=()):
    """Add the words of indexed pages (their related objects prefetched): each page in
    `new_ids` (pages indexed for the first time) counts once for each of its words; the
    others only add the words not known yet."""
    counted, seen = Counter(), set()
    for page in pages:
        language = language_of(page)
        words = words_of(f"{page.title} {searchable_text(page)}")
        if page.pk in new_ids:
            counted.update((language, word) for word in words)
        else:
            seen.update((language, word) for word in words)
    if not counted and not seen:
        return
    _upsert(((language, word, n) for (language, word), n in counted.items()), add=True)
    _upsert(((language, word, 1) for language, word in seen - set(counted)), add=False)
    _changed()


def rebuild(stdout=None):
    """Count the vocabulary again from the search index (every indexed page's text)."""
    from .documents import maintained

    SearchTerm.objects.all().delete()
    if not maintained():
        return 0
    counts = _count_postgres() if connection.vendor == "postgresql" else _count_entries()
    _upsert(((language, word, n) for (language, word), n in counts.items()), add=True)
    _changed()
    if stdout:
        stdout.write(f"  search vocabulary: {len(counts)} words\n")
    return len(counts)


def _count_postgres():
    """{(language, word): pages} from ts_stat over the index's plain text, per locale."""
    from wagtail.search.models import IndexEntry

    from .models import SearchDocument

    counts = Counter()
    entries, documents = IndexEntry._meta.db_table, SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT locale_id FROM {documents}")  # noqa: S608
        for (locale_id,) in cursor.fetchall():
            inner = (
                "SELECT to_tsvector('simple', e.title_text || ' ' || e.body_text) "  # noqa: S608
                f"FROM {entries} e JOIN {documents} d "
                "ON d.page_id = CAST(e.object_id AS integer) "
                f"AND e.content_type_id = d.content_type_id WHERE d.locale_id = {int(locale_id)}"
            )
            cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [inner])
            language = (locale_code(locale_id) or settings.LANGUAGE_CODE).split("-")[0]
            for word, ndoc in cursor.fetchall():
                if MIN_LENGTH <= len(word) <= MAX_LENGTH and _WORD.fullmatch(word):
                    counts[(language, word)] += ndoc
    return counts


def _count_entries(chunk=2000):
    """{(language, word): pages} from the index entries' text (SQLite keeps it plain)."""
    from wagtail.search.models import IndexEntry

    from .models import SearchDocument

    locales = dict(SearchDocument.objects.values_list("page_id", "locale_id"))
    counts = Counter()
    entries = IndexEntry.objects.order_by("pk").values_list("pk", "object_id", "title", "body")
    last = 0
    while True:
        rows = list(entries.filter(pk__gt=last)[:chunk])
        if not rows:
            return counts
        for pk, object_id, title, body in rows:
            last = pk
            locale_id = locales.get(int(object_id)) if str(object_id).isdigit() else None
            if locale_id is None:
                continue
            language = (locale_code(locale_id) or settings.LANGUAGE_CODE).split("-")[0]
            counts.update((language, word) for word in words_of(f"{title} {body or ''}"))


# Reading ---------------------------------------------------------------------------------


def frequencies(words, languages):
    """{word: pages that a search for it matches}: the pages of the vocabulary words that
    share its stem (or are the word itself), in the most common of `languages`."""
    stems = {language: {word: stem(word, language) for word in words} for language in languages}
    all_stems = {value for by_word in stems.values() for value in by_word.values()}
    rows = SearchTerm.objects.filter(language__in=languages, stem__in=all_stems).values_list(
        "language", "stem", "documents"
    )
    by_stem = Counter()
    for language, word_stem, documents in rows:
        by_stem[(language, word_stem)] += documents
    return {
        word: max(by_stem[(language, stems[language][word])] for language in languages)
        for word in words
    }


def near(word, languages, max_distance):
    """[(language, word, stem, pages, distance)]: the vocabulary words within
    `max_distance` edits of `word` (itself excluded)."""
    if connection.vendor == "postgresql":
        found = _near_postgres(word, languages)
    else:
        found = _near_in_memory(word, languages, max_distance)
    result = []
    for language, other, other_stem, documents in found:
        if other == word:
            continue
        distance = OSA.distance(word, other, score_cutoff=max_distance)
        if distance <= max_distance:
            result.append((language, other, other_stem, documents, distance))
    return result


def _near_postgres(word, languages):
    """The NEAR_CANDIDATES words nearest to `word` by trigram distance (pg_trgm's `<->`,
    served by the GiST index of migration 0005), whose edit distances are then measured."""
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT language, word, stem, documents FROM {table} "  # noqa: S608
            "WHERE language = ANY(%s) ORDER BY word <-> %s LIMIT %s",
            [list(languages), word, NEAR_CANDIDATES],
        )
        return cursor.fetchall()


_memory = threading.local()


def _lexicon(language):
    """(words, [(stem, pages)]) of a language, held in memory until the vocabulary changes."""
    current = version()
    held = getattr(_memory, "lexicons", None)
    if held is None or held[0] != current:
        held = (current, {})
        _memory.lexicons = held
    if language not in held[1]:
        rows = list(
            SearchTerm.objects.filter(language=language).values_list("word", "stem", "documents")
        )
        held[1][language] = ([row[0] for row in rows], [(row[1], row[2]) for row in rows])
    return held[1][language]


def _near_in_memory(word, languages, max_distance):
    found = []
    for language in languages:
        words, details = _lexicon(language)
        matches = process.extract(
            word, words, scorer=OSA.distance, score_cutoff=max_distance, limit=None
        )
        for other, _distance, index in matches:
            found.append((language, other, *details[index]))
    return found
