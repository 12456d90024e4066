"""Bad query strings on every public listing (core.filters, core.pagination): each value is
either applied or ignored, never a 500, and the page says exactly what it should. Unknown
URLs get the styled 404."""

import pytest

from tests.factories_content import (
    make_country,
    make_discussion,
    make_guidance,
    make_site_tree,
    make_story,
    make_topic,
)

pytestmark = pytest.mark.django_db

IGNORED, FIRST_PAGE, LAST_PAGE, NO_SUCH_TAG = "ignored", "first page", "last page", "no such tag"

# value -> what each parameter makes of it. `tag`: a well-formed slug filters (and matches
# nothing), anything else is dropped. `year` and `kind`: no value here is valid, all are
# dropped. `page`: not a number -> the first page; beyond the last -> the last; below 1 ->
# the first.
BAD_VALUES = {
    "abc": {"tag": NO_SUCH_TAG, "page": FIRST_PAGE},
    "999999": {"tag": NO_SUCH_TAG, "page": LAST_PAGE},
    "-1": {"tag": NO_SUCH_TAG, "page": FIRST_PAGE},
    "0": {"tag": NO_SUCH_TAG, "page": FIRST_PAGE},
    " 0 ": {"tag": NO_SUCH_TAG, "page": FIRST_PAGE},  # both strip the spaces
    "1.5": {"page": FIRST_PAGE},
    "<script>alert(1)</script>": {"page": FIRST_PAGE},
    "\x00": {"page": FIRST_PAGE},
    "a\x00b": {"page": FIRST_PAGE},
    "x" * 10_000: {"page": FIRST_PAGE},
    "'; DROP TABLE wagtailcore_page; --": {"page": FIRST_PAGE},
    "%": {"page": FIRST_PAGE},
    "😀": {"page": FIRST_PAGE},
    "٢٠١٥": {"tag": NO_SUCH_TAG, "page": LAST_PAGE},  # Arabic-Indic digits: a slug, and 2015
}
PARAMS = ["page", "tag", "year", "kind"]
# listing -> (context variable of its page of results, whether it reads `tag`)
LISTINGS = {
    "home": (None, False),
    "topics": ("topics", True),
    "discussions": ("discussions", True),
    "stories": ("stories", True),
    "countries": (None, False),
    "guidance": (None, False),
}


@pytest.fixture(scope="module")
def listings(module_data):
    """Every listing with two pages (13 items at 12 a page), built once for the module."""

    def build():
        tree = make_site_tree()
        for n in range(13):
            make_topic(tree.topics, n)
            make_discussion(tree.discussions, n, posts=1)
            make_story(tree.stories, n)
        make_country(tree.countries, "NZ")
        make_guidance(tree.guidance)
        tree.urls = {name: getattr(tree, name).url for name in LISTINGS if name != "home"}
        tree.urls["home"] = "/"
        return tree

    return module_data(build)


def expected_outcome(param, value, reads_tag, paginated):
    outcome = BAD_VALUES[value].get(param, IGNORED)
    if param == "tag" and not reads_tag:
        return IGNORED
    if param == "page" and not paginated:
        return IGNORED
    return outcome


def shown(response, results):
    """What a listing shows: its filters, the page number and the items on it."""
    page = response.context[results]
    return response.context["filters"], page.number, [item.title for item in page.object_list]


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_every_bad_value_is_applied_or_ignored_as_it_should(client, listings, listing, subtests):
    url = listings.urls[listing]
    results, reads_tag = LISTINGS[listing]
    plain = client.get(url)
    assert plain.status_code == 200
    if results:
        first = shown(plain, results)
        last = shown(client.get(url, {"page": 2}), results)
        assert (first[1], len(first[2]), last[1], len(last[2])) == (1, 12, 2, 1)
        expected = {IGNORED: first, FIRST_PAGE: first, LAST_PAGE: last}
    for param in PARAMS:
        for value in BAD_VALUES:
            outcome = expected_outcome(param, value, reads_tag, paginated=bool(results))
            with subtests.test(param=param, value=value[:20], outcome=outcome):
                response = client.get(url, {param: value})
                assert response.status_code == 200
                if not results:
                    # Not a listing: the parameter changes nothing at all.
                    assert response.content == plain.content
                elif outcome == NO_SUCH_TAG:
                    assert shown(response, results) == ({"tag": value.strip()}, 1, [])
                else:
                    assert shown(response, results) == expected[outcome]


@pytest.mark.parametrize("value", ["00", "+0"])
def test_every_spelling_of_page_zero_is_the_first_page(client, listings, value):
    response = client.get(listings.urls["topics"], {"page": value})
    assert response.context["topics"].number == 1


@pytest.mark.parametrize("param", ["tag", "year", "kind", "page", "q", "lang"])
def test_script_in_a_parameter_is_never_reflected_unescaped(client, listings, param):
    for url in listings.urls.values():
        body = client.get(url, {param: "<script>alert(1)</script>"}).content
        assert b"<script>alert(1)" not in body, url


def test_out_of_range_pages_fall_back_to_first_or_last(client, listings):
    url = listings.urls["topics"]
    assert "Page 2 of 2" in client.get(url, {"page": "999999"}).content.decode()
    assert "Page 1 of 2" in client.get(url, {"page": "-1"}).content.decode()
    assert "Page 1 of 2" in client.get(url, {"page": "abc"}).content.decode()


@pytest.mark.parametrize(
    "url", ["/no-such-page/", "/topics/no-such-topic/", "/xx/", "/topics/%00/", "/a" * 300 + "/"]
)
def test_unknown_urls_get_the_styled_404(client, listings, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html  # the site's own layout, not Django's


def test_server_error_page_is_friendly_and_self_contained(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
