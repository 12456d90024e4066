"""Import archived discussions from JSON Lines (format in DESIGN.md), one discussion a line.

The importer is a plain module: `parse_line` validates one line into a `DiscussionRecord`,
`DiscussionImporter` writes records in batches. It is idempotent by the archive `id`: a
record whose stored discussion already matches is left alone, a changed one is updated,
a new one created.

Creating pages one by one with `add_child` costs a dozen queries each (tree locking, path
lookups, revisions, search index), far too slow for a 10,000-line archive. New pages are
therefore allocated consecutive treebeard paths under the archive page and written with
`bulk_create`; the search index is updated once per batch, in the batch's transaction, for
the pages that changed.
"""

import datetime
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django_countries import countries
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from .models import (
    DiscussionArchivePage,
    DiscussionPage,
    DiscussionPageTag,
    DiscussionPost,
    TopicPage,
)

# Sent once an import's pages are indexed (page_ids: those created or updated). The
# importer writes pages in bulk, without the per-page signals that others listen to.
discussions_imported = Signal()

KINDS = {value for value, _label in DiscussionPage.KIND_CHOICES}
DEFAULT_KIND = "group-discussion"
TITLE_MAX = 255
ID_MAX = DiscussionPage._meta.get_field("archive_id").max_length
TAG_MAX = Tag._meta.get_field("name").max_length
AUTHOR_MAX = DiscussionPost._meta.get_field("author_name").max_length
# Discussions are published at noon UTC on their date unless the archive says otherwise.
PUBLISHED_TIME = datetime.time(12, tzinfo=datetime.UTC)


# After a bulk load this large, PostgreSQL's planner statistics are stale until autovacuum
# catches up, and searches pick nested loops over 100,000 rows (seconds instead of ms).
ANALYZE_AFTER = 1000


def refresh_planner_statistics():
    from django.db import connection
    from wagtail.search.models import IndexEntry

    if connection.vendor != "postgresql":
        return
    models = (Page, DiscussionPage, DiscussionPost, DiscussionPageTag, IndexEntry)
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


class LineError(ValueError):
    """A line that cannot be imported, with the reason shown to the user."""

    def __init__(self, line_number, message):
        super().__init__(f"line {line_number}: {message}")
        self.line_number = line_number
        self.message = message


@dataclass(frozen=True)
class PostRecord:
    author: str
    country: str
    posted_at: datetime.datetime | None
    text: str


@dataclass(frozen=True)
class DiscussionRecord:
    line_number: int
    archive_id: str
    title: str
    kind: str
    date: datetime.date
    topic: str
    summary: str
    tags: tuple[str, ...]
    posts: tuple[PostRecord, ...]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def failed(self):
        return len(self.errors)


def _text(data, key, line_number, *, required=False, max_length=None):
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise LineError(line_number, f"{key!r} must be a string")
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise LineError(line_number, f"missing {key!r}")
    if max_length and len(value) > max_length:
        raise LineError(line_number, f"{key!r} is longer than {max_length} characters")
    return value


def _date(value, line_number):
    if not isinstance(value, str):
        raise LineError(line_number, "missing or invalid 'date' (expected YYYY-MM-DD)")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise LineError(line_number, f"bad date {value!r} (expected YYYY-MM-DD)") from None


def _country(value, line_number):
    if value in (None, ""):
        return ""
    code = value.upper() if isinstance(value, str) else None
    if code is None or code not in countries:
        raise LineError(line_number, f"unknown country code {value!r}")
    return code


def _posted_at(value, line_number):
    if value in (None, ""):
        return None
    try:
        moment = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise LineError(line_number, f"bad posted_at {value!r} (expected an ISO 8601 datetime)")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


def _posts(value, line_number):
    if value is None:
        return ()
    if not isinstance(value, list):
        raise LineError(line_number, "'posts' must be a list")
    posts = []
    for number, post in enumerate(value, start=1):
        if not isinstance(post, dict):
            raise LineError(line_number, f"post {number} must be an object")
        text = _text(post, "text", line_number)
        if not text:
            raise LineError(line_number, f"post {number} has no text")
        posts.append(
            PostRecord(
                author=_text(post, "author", line_number, max_length=AUTHOR_MAX) or "Anonymous",
                country=_country(post.get("country"), line_number),
                posted_at=_posted_at(post.get("posted_at"), line_number),
                text=text,
            )
        )
    return tuple(posts)


def _tags(value, line_number):
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise LineError(line_number, "'tags' must be a list of strings")
    tags = []
    for tag in value:
        tag = tag.replace("\x00", "").strip()
        if len(tag) > TAG_MAX:
            raise LineError(line_number, f"tag longer than {TAG_MAX} characters")
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def parse_line(line_number, raw):
    """The record on one line, or LineError saying why it cannot be imported."""
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise LineError(line_number, f"invalid JSON ({error})") from None
    if not isinstance(data, dict):
        raise LineError(line_number, "expected a JSON object")
    if isinstance(data.get("id"), int):
        data["id"] = str(data["id"])
    kind = data.get("kind") or DEFAULT_KIND
    if kind not in KINDS:
        raise LineError(line_number, f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    return DiscussionRecord(
        line_number=line_number,
        archive_id=_text(data, "id", line_number, required=True, max_length=ID_MAX),
        title=_text(data, "title", line_number, required=True, max_length=TITLE_MAX),
        kind=kind,
        date=_date(data.get("date"), line_number),
        topic=_text(data, "topic", line_number),
        summary=_text(data, "summary", line_number),
        tags=_tags(data.get("tags"), line_number),
        posts=_posts(data.get("posts"), line_number),
    )


def iter_records(lines: Iterable[str], report: ImportReport) -> Iterator[DiscussionRecord]:
    """Valid records from the lines; bad lines (and repeated ids) go to report.errors."""
    first_seen = {}
    for line_number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = parse_line(line_number, raw)
            if record.archive_id in first_seen:
                raise LineError(
                    line_number,
                    f"duplicate id {record.archive_id!r} (first on line "
                    f"{first_seen[record.archive_id]})",
                )
        except LineError as error:
            report.errors.append(error)
            continue
        first_seen[record.archive_id] = line_number
        yield record


def _stored_state(page):
    """What an import record describes, read from a stored page (posts/tags prefetched)."""
    return (
        page.title,
        page.kind,
        page.date,
        page.summary,
        page.topic_id,
        tuple(sorted(item.tag.name for item in page.tagged_items.all())),
        tuple(
            (post.author_name, post.country.code or "", post.posted_at, post.text)
            for post in page.posts.all()
        ),
    )


class DiscussionImporter:
    """Writes DiscussionRecords under the discussion archive, `batch_size` per transaction."""

    def __init__(self, archive=None, batch_size=500):
        self.archive = archive or self.default_archive()
        self.batch_size = batch_size
        self.content_type = ContentType.objects.get_for_model(DiscussionPage)
        self.topics = self._topic_lookup()
        self.tag_ids = {}
        self.touched_ids = []
        self.slugs = set(self.archive.get_children().values_list("slug", flat=True))
        last_child = self.archive.get_children().order_by("-path").only("path").first()
        self.last_position = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0

    @staticmethod
    def default_archive():
        archive = (
            DiscussionArchivePage.objects.filter(locale__language_code="en").first()
            or DiscussionArchivePage.objects.first()
        )
        if archive is None:
            raise LookupError("There is no discussion archive page to import into.")
        return archive

    def _topic_lookup(self):
        """Topic pages by lower-cased title and by slug, in the archive's locale."""
        lookup = {}
        for topic_id, title, slug in TopicPage.objects.filter(
            locale_id=self.archive.locale_id
        ).values_list("pk", "title", "slug"):
            lookup.setdefault(slug, topic_id)
            lookup.setdefault(title.casefold(), topic_id)
        return lookup

    def topic_id_for(self, reference):
        if not reference:
            return None
        return self.topics.get(reference) or self.topics.get(reference.casefold())

    def run(self, records: Iterable[DiscussionRecord], report: ImportReport, progress=None):
        batch = []
        for record in records:
            batch.append(record)
            if len(batch) >= self.batch_size:
                self._write_batch(batch, report)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            self._write_batch(batch, report)
            if progress:
                progress(len(batch))
        self._announce()
        if report.created + report.updated >= ANALYZE_AFTER:
            refresh_planner_statistics()
        return report

    @transaction.atomic
    def _write_batch(self, records, report):
        first = len(self.touched_ids)
        existing = {
            page.archive_id: page
            for page in DiscussionPage.objects.filter(
                archive_id__in=[record.archive_id for record in records]
            ).prefetch_related("posts", "tagged_items__tag")
        }
        new, changed = [], []
        for record in records:
            page = existing.get(record.archive_id)
            if page is None:
                new.append(record)
            elif _stored_state(page) != self._wanted_state(record):
                changed.append((page, record))
            else:
                report.unchanged += 1
        self._create(new)
        self._update(changed)
        # Indexed in the batch's own transaction (the database backends' index and search
        # documents are tables): a batch that committed is searchable even when the import
        # stops before its end, and a second run, which finds those discussions unchanged,
        # does not have to index them.
        self.index_pages(self.touched_ids[first:])
        report.created += len(new)
        report.updated += len(changed)

    def _wanted_state(self, record):
        return (
            record.title,
            record.kind,
            record.date,
            record.summary,
            self.topic_id_for(record.topic),
            tuple(sorted(record.tags)),
            tuple((p.author, p.country, p.posted_at, p.text) for p in record.posts),
        )

    def _unique_slug(self, archive_id):
        base = slugify(archive_id, allow_unicode=True)[:200] or "discussion"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def _create(self, records):
        if not records:
            return
        archive = self.archive
        pages = []
        for record in records:
            self.last_position += 1
            slug = self._unique_slug(record.archive_id)
            published = datetime.datetime.combine(record.date, PUBLISHED_TIME)
            pages.append(
                Page(
                    title=record.title,
                    draft_title=record.title,
                    slug=slug,
                    content_type=self.content_type,
                    path=Page._get_path(archive.path, archive.depth + 1, self.last_position),
                    depth=archive.depth + 1,
                    numchild=0,
                    url_path=f"{archive.url_path}{slug}/",
                    locale_id=archive.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
        Page.objects.bulk_create(pages)
        for page, record in zip(pages, records, strict=True):
            discussion = DiscussionPage(
                page_ptr_id=page.pk,
                archive_id=record.archive_id,
                kind=record.kind,
                date=record.date,
                topic_id=self.topic_id_for(record.topic),
                summary=record.summary,
            )
            # raw: write only DiscussionPage's own table (the Page row exists) and skip
            # the per-object search update; the batch's pages are indexed together.
            discussion.save_base(raw=True, force_insert=True)
            self.touched_ids.append(page.pk)
        self._write_children(
            [(page.pk, record) for page, record in zip(pages, records, strict=True)]
        )
        Page.objects.filter(pk=archive.pk).update(numchild=F("numchild") + len(pages))

    def _update(self, changed):
        if not changed:
            return
        for page, record in changed:
            Page.objects.filter(pk=page.pk).update(title=record.title, draft_title=record.title)
            DiscussionPage.objects.filter(pk=page.pk).update(
                kind=record.kind,
                date=record.date,
                summary=record.summary,
                topic_id=self.topic_id_for(record.topic),
            )
            self.touched_ids.append(page.pk)
        page_ids = [page.pk for page, _record in changed]
        DiscussionPost.objects.filter(page_id__in=page_ids).delete()
        DiscussionPageTag.objects.filter(content_object_id__in=page_ids).delete()
        self._write_children([(page.pk, record) for page, record in changed])

    def _write_children(self, pairs):
        """Posts and tag links of freshly created (or emptied) discussion pages."""
        posts, tag_links = [], []
        for page_id, record in pairs:
            posts.extend(
                DiscussionPost(
                    page_id=page_id,
                    sort_order=order,
                    author_name=post.author,
                    country=post.country,
                    posted_at=post.posted_at,
                    text=post.text,
                )
                for order, post in enumerate(record.posts)
            )
            tag_links.extend(
                DiscussionPageTag(content_object_id=page_id, tag_id=self._tag_id(name))
                for name in record.tags
            )
        DiscussionPost.objects.bulk_create(posts, batch_size=1000)
        DiscussionPageTag.objects.bulk_create(tag_links, batch_size=1000)

    def _tag_id(self, name):
        # Distinct tags are few: get_or_create one by one lets taggit pick unique slugs.
        if name not in self.tag_ids:
            tag = Tag.objects.filter(name=name).first()
            if tag is None:
                tag = Tag.objects.create(name=name)
            self.tag_ids[name] = tag.pk
        return self.tag_ids[name]

    def index_pages(self, page_ids, chunk_size=1000):
        """Index these created or updated pages, in chunks, with every search backend."""
        backends = list(get_search_backends(with_auto_update=True))
        for start in range(0, len(page_ids), chunk_size):
            chunk = page_ids[start : start + chunk_size]
            pages = list(
                DiscussionPage.objects.filter(pk__in=chunk).prefetch_related("posts", "tags")
            )
            for backend in backends:
                backend.add_bulk(DiscussionPage, pages)

    def _announce(self):
        """Tell the listeners (cached searches, the page cache) once, at the end, which
        pages the import created or updated."""
        if self.touched_ids:
            discussions_imported.send(sender=DiscussionPage, page_ids=self.touched_ids)
        self.touched_ids = []
