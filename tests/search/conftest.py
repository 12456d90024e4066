"""Search fixtures: pages built with the apps' factories and indexed as in production."""

import json

import pytest
from django.core.management import call_command

from topics.factories import DiscussionPageFactory, DiscussionPostFactory, TopicPageFactory


@pytest.fixture
def make_discussion(site_tree):
    """A live discussion under the archive with posts and tags, indexed."""

    def make(title, summary="", posts=(), tags=(), **fields):
        page = DiscussionPageFactory(
            parent=site_tree.discussions, title=title, summary=summary, **fields
        )
        for order, post in enumerate(posts):
            if isinstance(post, str):
                post = {"text": post}
            DiscussionPostFactory(page=page, sort_order=order, **post)
        if tags:
            page.tags.add(*tags)
        page.save_revision().publish()  # as editors do; indexes the posts and tags
        return page

    return make


@pytest.fixture
def make_topic(site_tree):
    def make(title, **fields):
        tags = fields.pop("tags", ())
        page = TopicPageFactory(parent=site_tree.topics, title=title, **fields)
        if tags:
            page.tags.add(*tags)
            page.save_revision().publish()
        return page

    return make


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
