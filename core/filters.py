"""Validation of listing filters taken from the query string: anything unexpected is
ignored rather than passed to the database (no query string may produce a 500)."""

import re

from django.utils import timezone

_SLUG = re.compile(r"[-\w]{1,100}")


def clean_tag(value):
    if not value or not _SLUG.fullmatch(value) or "\x00" in value:
        return None
    return value


def clean_year(value):
    if not value or not value.isascii() or not value.isdigit() or len(value) != 4:
        return None
    year = int(value)
    return year if 1990 <= year <= timezone.now().year + 1 else None
