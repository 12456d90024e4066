"""import_discussions writes each batch in one transaction, its search index included: when
a write fails part way (a real error raised from a signal receiver), no page, post or tag
of the batch is left, and the batches committed before it are searchable."""

import json

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save
from wagtail.models import Page

from tests.faults import SimulatedFailure, failing
from topics.models import DiscussionPage, DiscussionPost


def record(archive_id):
    return {
        "id": archive_id,
        "title": f"Discussion {archive_id}",
        "kind": "chat",
        "date": "2015-03-18",
        "tags": ["outreach"],
        "posts": [
            {
                "author": "Ana",
                "country": "NZ",
                "posted_at": "2015-03-18T09:12:00Z",
                "text": "We started a seed library.",
            }
        ],
    }


@pytest.mark.django_db
def test_a_batch_that_fails_part_way_leaves_nothing(site_tree, tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(json.dumps(record(f"d-{n}")) for n in range(3)) + "\n")
    archive = Page.objects.get(pk=site_tree.discussions.pk)
    pages = Page.objects.count()
    # The batch's pages are bulk-created, then each discussion row: the second one fails.
    with failing(post_save, DiscussionPage, after=1), pytest.raises(SimulatedFailure):
        call_command("import_discussions", str(path), verbosity=0)
    assert Page.objects.count() == pages
    assert not DiscussionPage.objects.exists() and not DiscussionPost.objects.exists()
    assert Page.objects.get(pk=archive.pk).numchild == archive.numchild

    call_command("import_discussions", str(path), verbosity=0)
    assert DiscussionPage.objects.count() == 3


@pytest.mark.django_db
def test_the_batches_committed_before_a_failure_are_searchable(site_tree, tmp_path, client):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(json.dumps(record(f"d-{n}")) for n in range(4)) + "\n")
    # Batches of two: the first commits; the second fails at its second discussion.
    with failing(post_save, DiscussionPage, after=3), pytest.raises(SimulatedFailure):
        call_command("import_discussions", str(path), "--batch-size", "2", verbosity=0)
    assert DiscussionPage.objects.count() == 2
    # Indexed with their batch: found although the import never reached its end (a second
    # run finds them unchanged and does not index them again).
    assert client.get("/search/", {"q": "seed"}).context["outcome"].total == 2

    call_command("import_discussions", str(path), verbosity=0)
    assert client.get("/search/", {"q": "seed"}).context["outcome"].total == 4
