"""A search's parameters: the words (from what a visitor typed to a query the backends
accept), the filters, the sort and the page. search.forms.SearchForm reads them from the
query string.

Users type anything: quotes left open, `AND`/`OR`, `*`, SQL, NUL bytes, 10,000 characters.
Nothing they type reaches a backend's query syntax: the text is reduced to words and
quoted phrases, which become Wagtail query objects (PlainText, Phrase) that every backend
escapes itself.
"""

import re
import unicodedata
from dataclasses import dataclass, replace

from wagtail.search.query import And, Or, Phrase, PlainText

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_PHRASES = 3
MAX_WORD_LENGTH = 60

# Typographic quotes count as quotes.
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»＂"})
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"[^\W_]+")
# Boolean operators are not supported syntax: typed in capitals they are dropped, so that
# "floods AND libraries" searches for both words (every word is required anyway).
_OPERATORS = {"AND", "OR", "NOT"}
# Words too common to help; dropped unless nothing else is left. PostgreSQL drops stop
# words itself; SQLite FTS5 has no stop word list.
STOP_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can did do does for from
    had has have how i if in into is it its me my no not of on or our people said say says
    so some that the their them there these they this to was we were what when where which
    who why will with would you your""".split()
)


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the cleaned query, as shown back to the visitor
    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    truncated: bool = False
    # What a search also accepts for a term or a phrase (spelling variants, editors'
    # synonyms; search.expansion): ((term or phrase as words, (alternative words, ...)), ...)
    alternatives: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = ()

    def __bool__(self):
        return bool(self.terms or self.phrases)

    @property
    def words(self):
        """Every word to highlight in result snippets (alternatives included)."""
        words = list(self.terms)
        for phrase in self.phrases:
            words.extend(phrase)
        for _words, alternatives in self.alternatives:
            for alternative in alternatives:
                words.extend(alternative)
        return tuple(dict.fromkeys(word.lower() for word in words))

    @property
    def typed_words(self):
        """The words of the terms and phrases, in order, without repeats."""
        words = list(self.terms)
        for phrase in self.phrases:
            words.extend(phrase)
        return tuple(dict.fromkeys(words))

    def alternatives_of(self, words):
        """The alternatives of a term (as a 1-tuple) or a phrase: () when it has none."""
        for key, alternatives in self.alternatives:
            if key == words:
                return alternatives
        return ()

    def clauses(self):
        """[(words, alternatives)]: every term and phrase, each with what it may also match;
        a search requires every clause."""
        return [(phrase, self.alternatives_of(phrase)) for phrase in self.phrases] + [
            ((term,), self.alternatives_of((term,))) for term in self.terms
        ]

    def without(self, dropped):
        """The same query without the terms in `dropped`."""
        kept = tuple(term for term in self.terms if term not in dropped)
        alternatives = tuple(
            (words, same)
            for words, same in self.alternatives
            if not (len(words) == 1 and words[0] in dropped)
        )
        return replace(self, terms=kept, alternatives=alternatives)

    def only(self, term):
        """The query of one of its terms (with that term's alternatives)."""
        same = self.alternatives_of((term,))
        return ParsedQuery(term, (term,), alternatives=(((term,), same),) if same else ())

    def search_query(self, operator="and"):
        """Wagtail query object: phrases AND (terms combined with `operator`); a term or
        phrase with alternatives matches any of them."""

        def one(words):
            return Phrase(" ".join(words)) if len(words) > 1 else PlainText(words[0])

        def clause(words, alternatives):
            if not alternatives:
                return one(words)
            return Or([one(words), *(one(alternative) for alternative in alternatives)])

        parts = [clause(phrase, self.alternatives_of(phrase)) for phrase in self.phrases]
        plain = [term for term in self.terms if not self.alternatives_of((term,))]
        if plain:
            parts.append(PlainText(" ".join(plain), operator=operator))
        parts += [
            clause((term,), self.alternatives_of((term,)))
            for term in self.terms
            if self.alternatives_of((term,))
        ]
        if len(parts) == 1:
            return parts[0]
        if operator == "or":
            return Or(parts)
        return And(parts)


def clean_text(raw):
    """Printable text: control and format characters (NUL, bidi marks) become spaces."""
    raw = (raw or "")[: MAX_QUERY_LENGTH * 5]
    return "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw).translate(
        _QUOTES
    )


def _words(text):
    words = [word[:MAX_WORD_LENGTH] for word in _WORD.findall(text) if word not in _OPERATORS]
    return [word.lower() for word in words]


def parse_query(raw):
    """ParsedQuery for the raw `q` parameter; empty (falsy) when nothing searchable is left."""
    text = " ".join(clean_text(raw).split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:  # at a space: the beginning of a cut word is not searched
        cut = text[: MAX_QUERY_LENGTH + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
    text = text.strip()

    phrases = []

    def take_phrase(match):
        words = tuple(_words(match.group(1)))
        if len(words) > 1 and len(phrases) < MAX_PHRASES:
            phrases.append(words)
            return " "
        return f" {match.group(1)} "  # a quoted single word is just a word

    rest = _PHRASE.sub(take_phrase, text).replace('"', " ")  # a quote left open is ignored

    terms = list(dict.fromkeys(_words(rest)))
    meaningful = [term for term in terms if term not in STOP_WORDS]
    if meaningful or phrases:
        terms = meaningful
    return ParsedQuery(
        text=text,
        terms=tuple(terms[:MAX_TERMS]),
        phrases=tuple(phrases),
        truncated=truncated,
    )


SORTS = ("relevance", "date")


@dataclass(frozen=True)
class Filters:
    """The filters of a search (search.registry.FACET_FIELDS names the facet ones)."""

    types: tuple[str, ...] = ()
    topic: int | None = None
    tag: str | None = None
    country: str | None = None
    year: int | None = None

    def __bool__(self):
        return bool(self.types or self.topic or self.tag or self.country or self.year)


@dataclass(frozen=True)
class SearchParams:
    query: ParsedQuery
    filters: Filters = Filters()
    sort: str = "relevance"
    page: int = 1
    language: str = "en"
    ignored: tuple[str, ...] = ()  # parameters whose values were not understood
    verbatim: bool = False  # no spelling correction ("Search instead for …")
