"""Result snippets: a short window of a page's searchable text around the first match, with
the query's words marked. Every piece of page text is escaped; only our <mark> is markup."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

SNIPPET_LENGTH = 240
# Crude English stemming for highlighting only: "flooding" marks "floods" and "flooded".
_SUFFIXES = ("ingly", "ings", "ing", "edly", "ed", "ies", "es", "s", "y", "e")


def stem(word):
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def highlight_pattern(words):
    stems = sorted({stem(word) for word in words if word}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def _field_texts(obj, fields):
    for field in fields:
        if isinstance(field, index.SearchField) and field.field_name != "title":
            value = field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            if value:
                yield str(value)
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from _field_texts(item, field.fields)


def searchable_text(page):
    """The page's indexed text other than its title (related objects should be prefetched)."""
    return " ".join(" ".join(_field_texts(page, page.get_search_fields())).split())


def related_lookups(model):
    """Names of the relations a model indexes (tags, posts, partners): to prefetch them."""
    return [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, index.RelatedFields)
    ]


def snippet(text, words, length=SNIPPET_LENGTH):
    """Safe HTML: about `length` characters of `text` around the first match, marked."""
    pattern = highlight_pattern(words)
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end]

    pieces, position = [], 0
    if pattern:
        for match in pattern.finditer(window):
            pieces.append(escape(window[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group(0))}</mark>")
            position = match.end()
    pieces.append(escape(window[position:]))
    html = "".join(pieces)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 (every piece of text above is escaped)
