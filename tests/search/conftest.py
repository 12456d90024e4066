"""Search fixtures: pages built with the apps' factories and indexed as in production."""

import datetime

import pytest

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
def corpus(make_discussion, make_topic):
    topic = make_topic("Libraries and disasters", tags=["floods"], date=datetime.date(2016, 1, 1))
    pages = {
        "river": make_discussion(
            "When the river rose",
            summary="How our branch coped with flooding.",
            posts=[{"text": "The floods reached the shelves.", "country": "NZ"}],
            tags=["floods"],
            topic=topic,
            date=datetime.date(2016, 5, 1),
        ),
        "insurance": make_discussion(
            "Insurance after a flood",
            posts=[{"text": "Check the policy before the flood.", "country": "KE"}],
            date=datetime.date(2018, 2, 1),
        ),
        "maker": make_discussion(
            "Makerspaces on a budget",
            posts=[{"text": "A 3D printer and a sewing machine.", "country": "KE"}],
            tags=["makerspaces"],
            date=datetime.date(2018, 6, 1),
        ),
    }
    pages["topic"] = topic
    return pages


def result_titles(response):
    return [hit.page.title for hit in response.context["outcome"].hits]
