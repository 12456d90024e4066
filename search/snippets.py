"""Result snippets: a short window of a page's searchable text around the first match, with
the query's words marked. Every piece of page text is escaped; only our <mark> is markup.

A word is marked when it has the same stem as a query word in the page's language
(Snowball stemmers: "flooding" marks "floods" on an English page, "bibliothèque" marks
"bibliothèques" on a French one); in a language Snowball does not know, the same word."""

import re
import threading
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from wagtail.search import index

SNIPPET_LENGTH = 240
_WORD = re.compile(r"[^\W_]+")  # as search.query reads the words of a query
_ALGORITHMS = frozenset(snowballstemmer.algorithms())
_stemmers = threading.local()  # a Snowball stemmer keeps state while it stems


@lru_cache(maxsize=64)
def algorithm(language):
    """The Snowball algorithm for a language code ("fr", "es-mx"), or None."""
    try:
        name = get_language_info((language or "").split("-")[0])["name"].lower()
    except KeyError:
        return None
    return name if name in _ALGORITHMS else None


@lru_cache(maxsize=100_000)
def stem(word, language):
    """The stem of a lowercase word in `language` (cached: a page's text repeats words,
    and pages repeat each other's)."""
    name = algorithm(language)
    if name is None:
        return word
    stemmers = _stemmers.__dict__.setdefault("by_algorithm", {})
    if name not in stemmers:
        stemmers[name] = snowballstemmer.stemmer(name)
    return stemmers[name].stemWord(word)


# Related fields and fields that hold labels rather than prose: tag names, authors' and
# partners' names.
# Searched, but left out of snippets, where they would run into the sentences around them.
LABEL_FIELDS = frozenset({"tags", "author_name", "public_partner_names"})


def _field_texts(obj, fields, skip=frozenset()):
    """The non-empty texts of `obj`'s search fields other than its title, related objects'
    included, leaving out the fields named in `skip`."""
    for field in fields:
        if field.field_name in skip:
            continue
        if isinstance(field, index.SearchField) and field.field_name != "title":
            value = field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            if value and str(value).strip():
                yield str(value)
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from _field_texts(item, field.fields, skip)


def searchable_text(page):
    """The page's indexed text other than its title (related objects should be prefetched)."""
    return " ".join(" ".join(_field_texts(page, page.get_search_fields())).split())


def snippet_text(page):
    """The page's prose for its result snippet: its indexed text without the title, tag
    names or authors' names, each piece (a summary, a post) set apart by an ellipsis so
    that pieces never run into each other."""
    texts = _field_texts(page, page.get_search_fields(), skip=LABEL_FIELDS)
    pieces = (" ".join(text.split()) for text in texts)
    return " … ".join(piece for piece in pieces if piece)


def snippet(text, words, language, length=SNIPPET_LENGTH):
    """Safe HTML: about `length` characters of `text` (in `language`) around the first
    word that matches one of `words`, every such word marked."""
    stems = {stem(word.lower(), language) for word in words}

    def matches(found):
        return stem(found.group(0).lower(), language) in stems

    first = next((found for found in _WORD.finditer(text) if matches(found)), None)
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end]

    pieces, position = [], 0
    for found in _WORD.finditer(window):
        if matches(found):
            pieces.append(escape(window[position : found.start()]))
            pieces.append(f"<mark>{escape(found.group(0))}</mark>")
            position = found.end()
    pieces.append(escape(window[position:]))
    html = "".join(pieces)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 (every piece of text above is escaped)
