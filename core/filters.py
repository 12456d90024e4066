"""Listing filters taken from the query string, validated by Django forms: a value that does
not validate is dropped (the listing shows everything for that filter) rather than passed to
the database, so no query string produces a 500.

Every listing's form is a ListingFilterForm: the topics index and the story index use it
as it is or without the year, the discussion archive adds the kind, the members directory
its own fields. `clean_tag` and `clean_year` give the same checks to code that reads a
query string without a form (the search parameters)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

FIRST_YEAR = 1990


class TagField(forms.SlugField):
    """A tag's slug (Unicode letters allowed, as taggit makes them), at most 100 characters."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 100)
        super().__init__(allow_unicode=True, **kwargs)


class YearField(forms.IntegerField):
    """A four-digit year in ASCII digits, from FIRST_YEAR to next year. Stricter than
    IntegerField, which would also take "+2015", "2015.0" or Arabic-Indic digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        if not (len(value) == 4 and value.isascii() and value.isdigit()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and not FIRST_YEAR <= value <= timezone.now().year + 1:
            raise ValidationError(self.error_messages["invalid"], code="invalid")


class ListingFilterForm(forms.Form):
    """A listing's query string: always bound (an empty query string means no filter).
    `filters` holds the valid, non-empty values; `ignored` names the fields whose value
    did not validate. Subclasses add fields, or drop `tag` or `year` by setting it to None."""

    tag = TagField()
    year = YearField()

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)

    @property
    def filters(self):
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "", [], ()) and name not in self.errors
        }

    @property
    def ignored(self):
        self.is_valid()
        return sorted(self.errors)


def _cleaned(field, value):
    try:
        return field.clean(value)
    except ValidationError:
        return None


def clean_tag(value):
    """The tag slug in `value`, or None when it is empty or not a valid slug."""
    return _cleaned(TagField(), value) or None


def clean_year(value):
    """The year in `value` as an int, or None when it is empty or not a plausible year."""
    return _cleaned(YearField(), value)
