"""import_discussions: JSON Lines archives into discussion pages, idempotently, searchable
once imported."""

import json

import pytest
from django.core.management import call_command
from wagtail.models import Page

from topics.factories import TopicPageFactory
from topics.models import DiscussionPage


@pytest.fixture
def write_jsonl(tmp_path):
    """Write records (dicts, or raw strings for broken lines) to a .jsonl file."""

    def write(records, name="archive.jsonl"):
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def import_jsonl(write_jsonl, capsys):
    """Run import_discussions on records; returns (exit status, stdout, stderr)."""

    def run(records):
        path = write_jsonl(records)
        status = 0
        try:
            call_command("import_discussions", str(path))
        except SystemExit as exit:
            status = exit.code
        out, err = capsys.readouterr()
        return status, out, err

    return run


def result_titles(response):
    return [hit.page.title for hit in response.context["outcome"].hits]


def record(archive_id, **fields):
    data = {
        "id": archive_id,
        "title": f"Discussion {archive_id}",
        "kind": "chat",
        "date": "2015-03-18",
        "tags": ["outreach"],
        "summary": "A summary.",
        "posts": [
            {
                "author": "Ana",
                "country": "NZ",
                "posted_at": "2015-03-18T09:12:00Z",
                "text": "We started a seed library.",
            }
        ],
    }
    data.update(fields)
    return data


@pytest.mark.django_db
def test_import_creates_pages_posts_and_tags(site_tree, import_jsonl):
    status, out, _err = import_jsonl([record("a-1"), record("a-2", tags=["Floods", "outreach"])])

    assert status == 0
    assert "2 created, 0 updated, 0 unchanged, 0 failed" in out
    page = DiscussionPage.objects.get(archive_id="a-2")
    assert page.get_parent().pk == site_tree.discussions.pk
    assert page.live and page.url == "/discussions/a-2/"
    assert sorted(tag.name for tag in page.tags.all()) == ["Floods", "outreach"]
    [post] = page.posts.all()
    assert (post.author_name, post.country.code, post.text) == (
        "Ana",
        "NZ",
        "We started a seed library.",
    )
    assert Page.find_problems() == ([], [], [], [], [])
    site_tree.discussions.refresh_from_db()
    assert site_tree.discussions.numchild == 2


@pytest.mark.django_db
def test_second_run_changes_nothing(site_tree, import_jsonl):
    records = [record("a-1"), record("a-2")]
    import_jsonl(records)
    before = list(DiscussionPage.objects.values_list("pk", "title", "latest_revision_created_at"))

    status, out, _err = import_jsonl(records)

    assert status == 0
    assert "0 created, 0 updated, 2 unchanged, 0 failed" in out
    after = list(DiscussionPage.objects.values_list("pk", "title", "latest_revision_created_at"))
    assert after == before


@pytest.mark.django_db
def test_changed_record_updates_the_page_and_the_index(site_tree, client, import_jsonl):
    import_jsonl([record("a-1")])
    changed = record("a-1", title="Composting workshops", posts=[{"text": "Worms everywhere."}])

    status, out, _err = import_jsonl([changed])

    assert "0 created, 1 updated" in out
    page = DiscussionPage.objects.get(archive_id="a-1")
    assert page.title == "Composting workshops"
    assert [post.text for post in page.posts.all()] == ["Worms everywhere."]
    assert result_titles(client.get("/search/", {"q": "worms"})) == ["Composting workshops"]
    assert result_titles(client.get("/search/", {"q": "seed library"})) == []


@pytest.mark.django_db
def test_bad_lines_are_reported_with_line_numbers_and_skipped(site_tree, import_jsonl):
    status, out, err = import_jsonl(
        [
            record("good-1"),
            "{not json",
            record("no-title", title=""),
            record("bad-country", posts=[{"author": "X", "country": "ZZ", "text": "hi"}]),
            record("bad-date", date="2015-02-30"),
            record("good-2"),
            record("good-1"),
        ]
    )

    assert status == 1
    assert "2 created, 0 updated, 0 unchanged, 5 failed" in out
    assert "line 2: invalid JSON" in err
    assert "line 3: missing 'title'" in err
    assert "line 4: unknown country code 'ZZ'" in err
    assert "line 5: bad date '2015-02-30'" in err
    assert "line 7: duplicate id 'good-1' (first on line 1)" in err
    assert set(DiscussionPage.objects.values_list("archive_id", flat=True)) == {"good-1", "good-2"}


@pytest.mark.django_db
def test_topic_is_linked_by_title_or_slug(site_tree, import_jsonl):
    topic = TopicPageFactory(
        parent=site_tree.topics, title="Library makerspaces", slug="makerspaces"
    )
    import_jsonl(
        [
            record("by-title", topic="library MAKERSPACES"),
            record("by-slug", topic="makerspaces"),
            record("unknown", topic="No such topic"),
        ]
    )

    topics = dict(DiscussionPage.objects.values_list("archive_id", "topic_id"))
    assert topics == {"by-title": topic.pk, "by-slug": topic.pk, "unknown": None}


@pytest.mark.django_db
def test_imported_discussions_are_searchable_by_post_text(site_tree, client, import_jsonl):
    import_jsonl([record("a-1", title="Gardening corner")])

    response = client.get("/search/", {"q": "seed library"})

    assert result_titles(response) == ["Gardening corner"]


@pytest.mark.django_db
def test_import_writes_in_bulk(site_tree, write_jsonl, django_assert_max_num_queries):
    from topics.importer import DiscussionImporter, ImportReport, iter_records

    path = write_jsonl([record(f"bulk-{n}") for n in range(60)])
    importer = DiscussionImporter(batch_size=1000)
    report = ImportReport()
    # One pass per batch, not per discussion: 60 discussions, far fewer than 60 x 10 queries.
    with django_assert_max_num_queries(120), path.open() as lines:
        importer.run(iter_records(lines, report), report)
    assert report.created == 60


@pytest.mark.django_db
def test_an_import_ends_cached_searches(client, site_tree, import_jsonl):
    from topics.importer import discussions_imported

    sent = []

    def receiver(page_ids, **kwargs):
        sent.append(page_ids)

    discussions_imported.connect(receiver)
    try:
        assert client.get("/search/", {"q": "seed"}).context["outcome"].total == 0
        import_jsonl([record("a-1", title="Seed library")])
    finally:
        discussions_imported.disconnect(receiver)

    assert len(sent) == 1 and len(sent[0]) == 1
    assert client.get("/search/", {"q": "seed"}).context["outcome"].total == 1
