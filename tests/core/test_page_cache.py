"""The page cache (core/page_cache.py) on the real cache backend of the tests (locmem):
what is shared, what never is, and what each change ends. The Redis tests are in
test_page_cache_redis.py."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from wagtail.models import PageViewRestriction

from core import page_cache
from core.models import SiteSettings, SiteTexts
from home.factories import GuidanceIndexPageFactory, GuidancePageFactory
from members.factories import MemberProfileFactory
from tests.factories_content import make_story, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def verdicts(client, url, times=2, **extra):
    return [client.get(url, **extra)["X-Cache"] for _ in range(times)]


# Shared: anonymous pages, per page, locale and query string ---------------------------------


def test_an_anonymous_page_is_served_from_the_cache_without_the_database(
    client, site_tree, django_assert_num_queries
):
    topic = make_topic(site_tree.topics)
    first = client.get(topic.url)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(topic.url)
    assert second["X-Cache"] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


@pytest.mark.parametrize(
    "url", ["/", "/topics/", "/topics/feed/", "/stories/feed/", "/sitemap.xml", "/search/?q=x"]
)
def test_listings_feeds_sitemap_and_searches_are_cached(client, site_tree, url):
    assert verdicts(client, url) == ["miss", "hit"]


def test_keyed_by_path_language_and_query_string(client, site_tree, locales):
    for n in range(3):
        make_topic(site_tree.topics, n)
    assert verdicts(client, "/topics/") == ["miss", "hit"]
    # Another query string, another locale: their own entries, not the English page's.
    assert verdicts(client, "/topics/?tag=advocacy") == ["miss", "hit"]
    french = client.get("/fr/topics/")
    assert french["X-Cache"] == "miss" and french["Content-Language"] == "fr"
    assert client.get("/fr/topics/")["Content-Language"] == "fr"
    # The English listing is still the English one.
    english = client.get("/topics/")
    assert english["X-Cache"] == "hit" and english["Content-Language"] == "en"
    # The language preference of a visitor does not change an English URL's page.
    prefers_french = client.get("/topics/", HTTP_ACCEPT_LANGUAGE="fr")
    assert prefers_french["Content-Language"] == "en"


# Never shared ----------------------------------------------------------------------------


def test_logged_in_members_are_never_served_from_or_stored_in_the_cache(client, site_tree, member):
    topic = make_topic(site_tree.topics)
    assert client.get(topic.url)["X-Cache"] == "miss"
    client.force_login(member.user)
    as_member = client.get(topic.url)
    assert as_member["X-Cache"] == "skip"
    assert b"Log out" in as_member.content  # rendered for her, not the anonymous copy
    client.logout()
    # What the member saw was not stored: the anonymous copy is still the anonymous one.
    anonymous = client.get(topic.url)
    assert anonymous["X-Cache"] == "hit"
    assert b"Log out" not in anonymous.content


def test_a_members_page_is_not_stored_for_anonymous_visitors_either(client, site_tree, member):
    client.force_login(member.user)
    assert verdicts(client, "/members/me/") == ["skip", "skip"]
    client.logout()
    # Anonymous: a redirect to log in, never stored.
    assert verdicts(client, "/members/me/") == ["skip", "skip"]


def test_editors_previews_and_the_admin_are_never_cached(admin_client, site_tree):
    topic = make_topic(site_tree.topics)
    assert verdicts(admin_client, f"/admin/pages/{topic.pk}/edit/") == ["skip", "skip"]
    assert verdicts(admin_client, f"/admin/pages/{topic.pk}/view_draft/") == ["skip", "skip"]
    # An editor looking at the live site is logged in: not shared either.
    assert verdicts(admin_client, topic.url) == ["skip", "skip"]


def test_forms_with_a_csrf_token_are_never_stored(client, db):
    response = client.get("/accounts/login/")
    assert response.status_code == 200 and b"csrfmiddlewaretoken" in response.content
    assert response["X-Cache"] == "skip"
    # The visitor now has a CSRF cookie; the form is still rendered afresh for her.
    assert client.get("/accounts/login/")["X-Cache"] == "skip"
    assert client.get("/accounts/signup/")["X-Cache"] == "skip"


def test_a_visitor_with_pending_messages_gets_them_not_a_cached_page(client, site_tree, rf):
    assert verdicts(client, "/") == ["miss", "hit"]
    # A message waiting in the messages cookie (as after logging out).
    request = rf.get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "You have signed out.")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    with_message = client.get("/")
    assert with_message["X-Cache"] == "skip"
    assert b"You have signed out." in with_message.content
    # The page that showed it (and deleted the cookie) was not stored.
    assert with_message.cookies["messages"].value == ""
    del client.cookies["messages"]
    again = client.get("/")
    assert again["X-Cache"] == "hit" and b"You have signed out." not in again.content


def test_a_login_restricted_page_is_not_shared(client, site_tree):
    topic = make_topic(site_tree.topics)
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(topic.url)
    assert response.status_code == 302 and response["X-Cache"] == "skip"


@pytest.mark.urls("tests.core.page_cache_urls")
@pytest.mark.parametrize(
    "url", ["/t/cookie/", "/t/private/", "/t/no-store/", "/t/never/", "/t/negotiated/"]
)
def test_responses_that_set_cookies_are_private_or_vary_otherwise_are_never_stored(client, db, url):
    assert verdicts(client, url) == ["skip", "skip"]


@pytest.mark.urls("tests.core.page_cache_urls")
def test_a_plain_response_is_stored_for_its_seconds(client, db, settings):
    first = client.get("/t/plain/")
    second = client.get("/t/plain/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    settings.PAGE_CACHE_SECONDS = 0  # off: every request rendered
    assert client.get("/t/plain/")["X-Cache"] == "skip"


def test_post_and_head_requests_are_not_served_from_the_cache(client, site_tree):
    assert client.get("/")["X-Cache"] == "miss"
    assert client.post("/")["X-Cache"] == "skip"
    assert client.head("/")["X-Cache"] == "skip"


# Invalidation ----------------------------------------------------------------------------


def cached(client, *urls):
    """Request each URL until it is a hit (stored), and return the stored contents."""
    contents = {}
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response["X-Cache"] == "hit", url
        contents[url] = response.content
    return contents


def test_publishing_a_page_ends_the_page_its_listing_the_home_page_feeds_and_sitemap(
    client, site_tree
):
    topic = make_topic(site_tree.topics)
    urls = [topic.url, "/topics/", "/", "/topics/feed/", "/sitemap.xml"]
    cached(client, *urls)
    topic.title = "Makerspaces, revisited"
    topic.save_revision().publish()
    for url in [topic.url, "/topics/", "/topics/feed/"]:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert b"Makerspaces, revisited" in response.content, url
    for url in ["/", "/sitemap.xml"]:
        assert client.get(url)["X-Cache"] == "miss", url


def test_a_new_page_appears_in_its_parents_listing_at_once(client, site_tree):
    make_topic(site_tree.topics, 0)
    cached(client, "/topics/")
    make_topic(site_tree.topics, 1)
    response = client.get("/topics/")
    assert response["X-Cache"] == "miss"
    assert b"Makerspaces on a shoestring 1" in response.content


def test_unpublishing_a_page_ends_it_and_its_listing(client, site_tree):
    topic = make_topic(site_tree.topics)
    cached(client, topic.url, "/topics/")
    topic.unpublish()
    assert client.get(topic.url).status_code == 404
    listing = client.get("/topics/")
    assert listing["X-Cache"] == "miss" and topic.title.encode() not in listing.content


def test_moving_and_deleting_a_page_end_the_cached_pages(client, site_tree):
    story = make_story(site_tree.stories)
    old_url = story.url
    # A move within the tree's rules: a guidance page from one index to another.
    guide = GuidancePageFactory(parent=site_tree.guidance, title="Keep a rhythm")
    other_index = GuidanceIndexPageFactory(parent=site_tree.home, title="Help", slug="help")
    cached(client, guide.url, "/guidance/")
    guide.move(other_index, pos="last-child")
    listing = client.get("/guidance/")
    assert listing["X-Cache"] == "miss" and b"Keep a rhythm" not in listing.content
    assert client.get("/help/keep-a-rhythm/").status_code == 200
    cached(client, "/stories/")
    story.delete()
    assert client.get(old_url).status_code == 404
    assert client.get("/stories/")["X-Cache"] == "miss"


def test_publishing_a_translation_ends_the_cached_pages_of_every_language(
    client, site_tree, guidance, translate
):
    cached(client, guidance.url, "/fr/", "/")
    french = translate(guidance, "fr", {"Being a good partner": "Être un bon partenaire"})
    response = client.get(french.url)
    assert response.status_code == 200 and "Être un bon partenaire" in response.content.decode()
    # The English page now links its French translation (hreflang): rendered afresh.
    english = client.get(guidance.url)
    assert english["X-Cache"] == "miss"
    assert french.url.encode() in english.content


def test_site_settings_and_site_texts_end_every_cached_page(client, site_tree):
    topic = make_topic(site_tree.topics)
    cached(client, "/", topic.url)
    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.mastodon_url = "https://mastodon.example/@iln"
    site_settings.save()
    for url in ["/", topic.url]:
        response = client.get(url)
        assert response["X-Cache"] == "miss" and b"mastodon.example" in response.content
    cached(client, "/", topic.url)
    SiteTexts.objects.update_or_create(
        locale=site_tree.home.locale, defaults={"footer_text": "Librarians, partnered."}
    )
    for url in ["/", topic.url]:
        response = client.get(url)
        assert response["X-Cache"] == "miss" and b"Librarians, partnered." in response.content


def test_the_menu_follows_a_pages_show_in_menus(client, site_tree):
    cached(client, "/topics/")
    site_tree.guidance.title = "How it works"
    site_tree.guidance.show_in_menus = True
    site_tree.guidance.save_revision().publish()
    response = client.get("/topics/")
    assert response["X-Cache"] == "miss" and b"How it works" in response.content


def test_a_new_member_ends_only_the_pages_that_show_figures(client, site_tree):
    topic = make_topic(site_tree.topics)
    before = cached(client, "/", topic.url, "/countries/", "/programme/figures/")
    MemberProfileFactory(country="GH")
    home = client.get("/")
    assert home["X-Cache"] == "miss"
    assert home.content != before["/"]  # the members figure moved on
    assert client.get("/countries/")["X-Cache"] == "miss"
    assert client.get("/programme/figures/")["X-Cache"] == "miss"
    # Pages without figures stay cached.
    assert client.get(topic.url)["X-Cache"] == "hit"


def test_a_change_committed_meanwhile_is_not_stored_under_the_new_generation(
    client, site_tree, django_capture_on_commit_callbacks
):
    """The generation moves on when the change is made and again when it commits: a page
    rendered in between (from the old data) is stored under a generation that ends."""
    topic = make_topic(site_tree.topics)
    with django_capture_on_commit_callbacks(execute=True):
        topic.title = "Renamed"
        topic.save_revision().publish()
        between = page_cache.generation(page_cache.CONTENT)
    assert page_cache.generation(page_cache.CONTENT) != between


def test_cache_errors_are_logged_and_the_page_rendered(client, site_tree, settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "broken": {"BACKEND": "tests.core.test_page_cache.BrokenCache"},
    }
    settings.PAGE_CACHE_ALIAS = "broken"
    response = client.get("/")
    assert response.status_code == 200 and response["X-Cache"] == "skip"
    assert "Page cache: lookup failed" in caplog.text


class BrokenCache(LocMemCache):
    """A cache backend whose server does not answer (what a Redis client raises without
    IGNORE_EXCEPTIONS)."""

    def get(self, *args, **kwargs):
        raise ConnectionError("cache server gone")

    get_many = set = set_many = add = get


def test_disallowed_hosts_are_still_refused(client, db):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_request_is_cacheable_reads_personal_cookies(settings):
    request = HttpRequest()
    request.method = "GET"
    request.path_info = "/topics/"
    assert page_cache.request_is_cacheable(request)
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert not page_cache.request_is_cacheable(request)


def test_excluded_paths_hold_in_every_language(rf):
    """Members' pages and photos answer Cache-Control private, no-store (members' views),
    and are excluded here too: a member may make her profile private at any moment."""
    assert page_cache.request_is_cacheable(rf.get("/fr/topics/"))
    for path in ["/members/5/", "/fr/members/5/photo/k/96/", "/ar/accounts/login/", "/admin/"]:
        assert not page_cache.request_is_cacheable(rf.get(path)), path


def test_clear_page_cache_ends_every_cached_page(client, site_tree):
    from django.core.management import call_command

    cached(client, "/", "/topics/")
    call_command("clear_page_cache", verbosity=0)
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/topics/")["X-Cache"] == "miss"
