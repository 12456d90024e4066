"""The search form: the query string of /search/ (and /search/autocomplete/) as SearchParams.

No query string may produce an error page. A value that is not understood falls back to
its default, and its parameter is named in SearchParams.ignored so that the page can say
so; a bad page number shows the first page, silently. The form's errors are never shown.
"""

from django import forms
from django_countries import countries

from core.filters import clean_tag, clean_year

from . import registry
from .query import SORTS, Filters, SearchParams, parse_query

MAX_ID = 2**31 - 1
MAX_PAGE = 99_999


def clean_country(value):
    code = value.upper()
    return code if len(code) == 2 and code in countries else None


class QueryField(forms.Field):
    """Whatever was typed, reduced to words and phrases (search.query.parse_query): never
    invalid, at worst empty."""

    def to_python(self, value):
        return parse_query(value if isinstance(value, str) else "")


class CleanedField(forms.Field):
    """An optional value checked by a function that returns the clean value or None."""

    def __init__(self, cleaner, **kwargs):
        self.cleaner = cleaner
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        cleaned = self.cleaner(value) if "\x00" not in value else None
        if cleaned is None:
            raise forms.ValidationError("Not understood.", code="invalid")
        return cleaned


class TypesField(forms.MultipleChoiceField):
    """Page type keys (search.registry). Empty values are skipped; unknown ones make the
    field invalid, and the form then keeps the known ones."""

    def to_python(self, value):
        return [item for item in super().to_python(value) if item]

    def known(self, values):
        return tuple(dict.fromkeys(item for item in values or () if self.valid_value(item)))


class SearchForm(forms.Form):
    q = QueryField(required=False)
    type = TypesField(choices=[(t.key, t.label) for t in registry.TYPES], required=False)
    topic = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    tag = CleanedField(clean_tag)
    country = CleanedField(clean_country)
    year = CleanedField(clean_year)
    sort = forms.ChoiceField(choices=[(sort, sort) for sort in SORTS], required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    # "Search instead for …": the query as typed, without spelling correction.
    verbatim = forms.BooleanField(required=False)

    # Parameters whose bad values are not worth a message (a page past the end, or
    # nonsense, shows a page of results anyway).
    silent = ("page", "verbatim")

    def params(self, language):
        """The SearchParams of the query string, for a search in `language`."""
        self.is_valid()

        def value(name):
            return None if name in self.errors else self.cleaned_data.get(name)

        types = value("type")
        if types is None:
            types = self.fields["type"].known(self["type"].data)
        return SearchParams(
            query=self.cleaned_data["q"],
            filters=Filters(
                types=tuple(dict.fromkeys(types)),
                topic=value("topic"),
                tag=value("tag"),
                country=value("country"),
                year=value("year"),
            ),
            sort=value("sort") or SORTS[0],
            page=value("page") or 1,
            language=language,
            ignored=tuple(name for name in self.errors if name not in self.silent),
            verbatim=bool(value("verbatim")),
        )
