"""The discussion archive's filters offer what its introduction promises (issue #12): topic
and tag besides kind and year; bad values are ignored, never a 500."""

import pytest

from tests.factories_content import make_discussion, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(site_tree):
    floods = make_topic(site_tree.topics, 1, tags=("disaster response",))
    floods.title, floods.slug = "When disaster strikes", "when-disaster-strikes"
    floods.save_revision().publish()
    makers = make_topic(site_tree.topics, 2)
    first = make_discussion(site_tree.discussions, 1, topic=floods)
    second = make_discussion(site_tree.discussions, 2, topic=makers)
    second.tags.set(["makerspaces"])
    second.save()
    make_discussion(site_tree.discussions, 3)  # no topic
    return site_tree.discussions, floods, makers, first, second


def titles(html):
    return sorted(
        line.split(">")[-2].split("<")[0]
        for line in html.splitlines()
        if 'class="list__title"' in line
    )


def test_the_archive_offers_topic_and_tag_filters(client, archive):
    page, floods, makers, *_ = archive
    html = client.get(page.url).content.decode()
    assert '<select id="filter-topic" name="topic">' in html
    assert f'<option value="{floods.slug}">When disaster strikes</option>' in html
    assert f'<option value="{makers.slug}">' in html
    assert '<select id="filter-tag" name="tag">' in html
    assert '<option value="makerspaces">makerspaces</option>' in html
    assert '<option value="disaster-response">disaster response</option>' in html


def test_filtering_by_topic_and_by_tag(client, archive, django_assert_max_num_queries):
    page, floods, _makers, first, second = archive
    with django_assert_max_num_queries(40):
        response = client.get(page.url, {"topic": floods.slug})
    html = response.content.decode()
    assert first.title in html and second.title not in html
    assert f'<option value="{floods.slug}" selected>' in html
    html = client.get(page.url, {"tag": "makerspaces"}).content.decode()
    assert second.title in html and first.title not in html


@pytest.mark.parametrize(
    "query",
    [{"topic": "no-such-topic"}, {"topic": "<script>"}, {"topic": "x" * 400}, {"tag": "%00"}],
)
def test_bad_filter_values_never_fail(client, archive, query):
    response = client.get(archive[0].url, query)
    assert response.status_code == 200
