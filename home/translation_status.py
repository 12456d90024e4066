"""The translation map: every guidance page × every locale with the state of its
translation, and each locale's share of up-to-date translations. Plain domain logic: no
request, a fixed number of queries whatever the number of pages and locales.

A translation is
- missing: no page (other than an untranslated alias) in that locale;
- draft: the translated page exists but has never been published;
- outdated: it is live, but the English source changed since it was translated: either
  the source was published after the last "Sync translated pages", or the sync brought
  segments that are not translated in that locale yet;
- live: live and up to date.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

MISSING = "missing"
DRAFT = "draft"
OUTDATED = "outdated"
LIVE = "live"

STATE_LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    OUTDATED: _("Outdated"),
    LIVE: _("Live"),
}


@dataclass
class Cell:
    language_code: str
    state: str
    page_id: int | None = None
    untranslated_segments: int = 0

    @property
    def label(self):
        return STATE_LABELS[self.state]


@dataclass
class Row:
    source: Page
    source_changed_since_sync: bool
    translation_source_id: int | None = None
    cells: list[Cell] = field(default_factory=list)

    @property
    def states(self):
        """{language code: state label}, for the spreadsheet download."""
        return {cell.language_code: cell.label for cell in self.cells}


@dataclass
class LocaleSummary:
    language_code: str
    name: str
    counts: dict
    total: int

    @property
    def percent(self):
        """Share of source pages with a live, up-to-date translation."""
        return round(100 * self.counts.get(LIVE, 0) / self.total) if self.total else 0


@dataclass
class Report:
    rows: list[Row]
    locales: list[LocaleSummary]


def target_languages():
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def source_pages():
    """Every English guidance page, in tree order."""
    from .models import GuidancePage

    return GuidancePage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    ).order_by("path")


def build_report(pages=None):
    """The map for `pages` (default: source_pages())."""
    sources = list(source_pages() if pages is None else pages)
    keys = [page.translation_key for page in sources]
    languages = target_languages()

    translated = {
        (row["translation_key"], row["locale__language_code"]): row
        for row in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values("id", "translation_key", "locale__language_code", "live")
    }
    synced = {
        object_id: (source_id, last_updated_at)
        for object_id, source_id, last_updated_at in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("object_id", "id", "last_updated_at")
    }
    untranslated = _untranslated_segment_counts(keys, [code for code, _name in languages])

    rows = []
    counts = {code: defaultdict(int) for code, _name in languages}
    for page in sources:
        source_id, last_sync = synced.get(page.translation_key, (None, None))
        changed = bool(last_sync and page.last_published_at and page.last_published_at > last_sync)
        row = Row(source=page, source_changed_since_sync=changed, translation_source_id=source_id)
        for code, _name in languages:
            found = translated.get((page.translation_key, code))
            missing_segments = untranslated.get((page.translation_key, code), 0)
            if found is None:
                cell = Cell(code, MISSING)
            elif not found["live"]:
                cell = Cell(code, DRAFT, found["id"], missing_segments)
            elif changed or missing_segments:
                cell = Cell(code, OUTDATED, found["id"], missing_segments)
            else:
                cell = Cell(code, LIVE, found["id"])
            counts[code][cell.state] += 1
            row.cells.append(cell)
        rows.append(row)

    summaries = [
        LocaleSummary(code, name, dict(counts[code]), len(sources)) for code, name in languages
    ]
    return Report(rows=rows, locales=summaries)


def _untranslated_segment_counts(keys, language_codes):
    """{(translation_key, language): number of source segments with no valid translation
    in that language}. Two queries."""
    segments = defaultdict(set)
    for object_id, string_id, context_id in StringSegment.objects.filter(
        source__object_id__in=keys, source__locale__language_code=settings.LANGUAGE_CODE
    ).values_list("source__object_id", "string_id", "context_id"):
        segments[object_id].add((string_id, context_id))

    done = defaultdict(set)
    for object_id, string_id, context_id, code in StringTranslation.objects.filter(
        context__object_id__in=keys, locale__language_code__in=language_codes, has_error=False
    ).values_list("context__object_id", "translation_of_id", "context_id", "locale__language_code"):
        done[(object_id, code)].add((string_id, context_id))

    return {
        (key, code): len(segments[key] - done[(key, code)])
        for key in segments
        for code in language_codes
    }
