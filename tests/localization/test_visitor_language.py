"""A visitor keeps their language on every page (issue #12): pages that exist only in
English are served at their own /fr/, /es/, /ar/ URLs inside the localized frame, their
English content marked lang="en" dir="ltr", with a note, and every link keeps the prefix."""

import datetime
import re

import pytest
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from core import localization
from core.templatetags.i18n_tags import content_lang, frame_title, round_label, round_name
from home.factories import GuidancePageFactory
from programme.models import Round, RoundTopic
from tests.factories_content import make_country, make_discussion, make_story, make_topic

pytestmark = pytest.mark.django_db

ARABIC_ENGLISH_ONLY = "هذه الصفحة متاحة باللغة الإنجليزية فقط"
ARABIC_NOT_TRANSLATED = "لم تُترجم هذه الصفحة إلى لغتك بعد."
FRENCH_NOT_TRANSLATED = "Cette page n’a pas encore été traduite dans votre langue."
FRENCH_ENGLISH_ONLY = "Cette page n’existe qu’en anglais"
NOT_PREFIXED = ("/static/", "/media/", "/documents/")


@pytest.fixture
def content(site_tree, locales, translate):
    """One page of each kind, English only; the home page translated into Arabic and
    French (so that /ar/ and /fr/ have their own home)."""
    topic = make_topic(site_tree.topics, 1)
    discussion = make_discussion(site_tree.discussions, 1, topic=topic)
    story = make_story(
        site_tree.stories, 1, partners=(("Joseph Lemayian", "KE"), ("Rosa Quispe", "PE"))
    )
    country = make_country(site_tree.countries, "KE")
    guidance = GuidancePageFactory(parent=site_tree.guidance, title="FAQ", slug="faq")
    translate(site_tree.home, "ar", {})
    translate(site_tree.home, "fr", {})
    return {
        "topic": topic,
        "discussion": discussion,
        "story": story,
        "country": country,
        "guidance": guidance,
    }


def body_of(html):
    """The page's <body> without the language switcher (whose links leave the language)."""
    body = html.split("<body", 1)[1]
    return re.sub(r'<nav class="language-switcher".*?</nav>', "", body, flags=re.S)


def internal_links(html):
    links = re.findall(r'href="(/[^"]*)"', body_of(html))
    return [link for link in links if not link.startswith(NOT_PREFIXED)]


def english_url(page):
    with localization.own_urls():
        return page.url


@pytest.mark.parametrize(
    "name", ["topic", "discussion", "story", "country", "guidance", "index:topics"]
)
def test_an_english_only_page_is_served_at_its_arabic_url_in_the_arabic_frame(
    content, site_tree, client, name
):
    if name.startswith("index:"):
        page = getattr(site_tree, name.split(":")[1])
    else:
        page = content[name]
    url = "/ar" + english_url(page)

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الانتقال إلى المحتوى الرئيسي" in html  # "Skip to main content": the frame
    # Every link of the page keeps the visitor's language: menus, breadcrumbs, cards,
    # tags, pagination, feeds, account links, the search form's action.
    links = internal_links(html)
    assert links, url
    assert [link for link in links if not link.startswith("/ar/")] == [], url
    assert 'action="/ar/search/"' in html
    # The note, in Arabic: only in English (discussions, stories), or not translated yet.
    english_only = localization.is_english_only(page)
    assert (ARABIC_ENGLISH_ONLY if english_only else ARABIC_NOT_TRANSLATED) in html


def test_english_content_in_an_arabic_page_is_marked_and_names_are_isolated(content, client):
    story = client.get("/ar" + english_url(content["story"])).content.decode()
    assert f'<h1 lang="en" dir="ltr">{content["story"].title}</h1>' in story
    assert '<div class="article__body" lang="en" dir="ltr">' in story
    assert '<ul class="tags" lang="en" dir="ltr">' in story

    stories = client.get("/ar/stories/").content.decode()
    # "Joseph Lemayian (Kenya) · Rosa Quispe (Peru)": each name and country isolated.
    assert "<bdi>Joseph Lemayian</bdi> (<bdi>كينيا</bdi>) · <bdi>Rosa Quispe</bdi>" in stories
    slug = content["story"].slug
    assert f'<h3 class="card__title" lang="en" dir="ltr"><a href="/ar/stories/{slug}/">' in stories

    discussion = client.get("/ar" + english_url(content["discussion"])).content.decode()
    assert '<div class="post__text" lang="en" dir="ltr">' in discussion
    assert "<strong><bdi>" in discussion  # the authors' names

    country = client.get("/ar" + english_url(content["country"])).content.decode()
    assert "كينيا</h1>" in country  # the country's name in Arabic (django-countries)

    # In English, nothing is marked: the page and the frame are in one language.
    english = client.get(english_url(content["story"])).content.decode()
    assert 'lang="en" dir="ltr"' not in body_of(english)


def test_menus_breadcrumbs_and_section_headings_are_in_the_visitors_language(
    content, site_tree, client
):
    html = client.get("/ar" + english_url(content["topic"])).content.decode()

    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    for label, section in [
        ("موضوعات النقاش", "topics"),
        ("النقاشات", "discussions"),
        ("ملفات البلدان", "countries"),
        ("قصص الشراكات", "stories"),
    ]:
        assert f'href="/ar/{section}/"' in nav
        assert f">{label}</a>" in nav
    assert 'aria-current="page">موضوعات النقاش</a>' in nav

    crumbs = re.search(r'<nav class="container breadcrumbs".*?</nav>', html, re.S).group(0)
    assert '<a href="/ar/">الرئيسية</a>' in crumbs
    assert '<a href="/ar/topics/">موضوعات النقاش</a>' in crumbs
    assert f'<span lang="en" dir="ltr">{content["topic"].title}</span>' in crumbs

    index = client.get("/ar/topics/").content.decode()
    assert "<h1>موضوعات النقاش</h1>" in index
    assert "<title>موضوعات النقاش | ILN Portal</title>" in index
    assert (
        f"<title>{site_tree.topics.title} | ILN Portal</title>"
        in client.get("/topics/").content.decode()
    )
    # French: the same, with French words and French dates.
    french = client.get("/fr" + english_url(content["topic"])).content.decode()
    assert '<a href="/fr/topics/">Thèmes de discussion</a>' in french
    assert content["topic"].date.strftime("%Y") in french
    assert "janvier 2014" in french  # the topic's date, in French
    assert FRENCH_NOT_TRANSLATED in french


def test_pages_keep_their_own_urls_outside_a_visitors_request(content, client):
    """The admin, the API, the sitemap and any code outside a prefixed request see pages'
    own URLs: only a request under /fr/, /es/, /ar/ puts English pages there."""
    topic = content["topic"]
    assert topic.url == f"/topics/{topic.slug}/"
    with localization.urls_in("fr"):
        assert Page.objects.get(pk=topic.pk).url == f"/fr/topics/{topic.slug}/"  # plain Page
        assert topic.url == f"/fr/topics/{topic.slug}/"
        with localization.own_urls():
            assert topic.url == f"/topics/{topic.slug}/"
    with localization.urls_in("en"):
        assert topic.url == f"/topics/{topic.slug}/"

    api = client.get("/api/v2/pages/", {"type": "topics.TopicPage"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert f"http://localhost/topics/{topic.slug}/" in api.content.decode()
    assert "/fr/topics/" not in api.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://localhost/topics/{topic.slug}/</loc>" in sitemap
    assert "/ar/topics/" not in sitemap


def test_a_localized_copy_of_an_english_page_names_the_english_one_canonical(content, client):
    html = client.get("/fr" + english_url(content["topic"])).content.decode()
    assert f'<link rel="canonical" href="http://localhost/topics/{content["topic"].slug}/">' in html


def test_french_translations_are_linked_and_english_pages_localized(
    french_section, guidance, site_tree, client
):
    GuidancePageFactory(parent=site_tree.guidance, title="FAQ", slug="faq")

    faq = client.get("/fr/guidance/faq/").content.decode()
    links = internal_links(faq)
    assert "/fr/guidance/" in links  # the breadcrumb: the French guidance section
    assert [link for link in links if not link.startswith("/fr/")] == []
    assert FRENCH_NOT_TRANSLATED in faq

    translated = client.get("/fr/guidance/being-a-good-partner/").content.decode()
    assert "translation-note" not in translated
    assert "<h1>Être un bon partenaire</h1>" in translated


def test_the_switcher_takes_the_visitor_to_the_same_place_in_each_language(
    content, french_section, client
):
    topic_url = english_url(content["topic"])
    html = client.get(f"/ar{topic_url}").content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)

    assert '<span aria-current="page" lang="ar">العربيّة</span>' in nav
    assert f'<a href="{topic_url}" hreflang="en"' in nav
    assert f'<a href="/fr{topic_url}" hreflang="fr"' in nav
    assert f'<a href="/es{topic_url}" hreflang="es"' in nav

    # On a translated page, to the translations; to the English page's /es/ URL otherwise.
    guidance = client.get("/fr/guidance/being-a-good-partner/").content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', guidance, re.S).group(0)
    assert '<a href="/guidance/being-a-good-partner/" hreflang="en"' in nav
    assert '<a href="/es/guidance/being-a-good-partner/" hreflang="es"' in nav


@pytest.mark.parametrize("section", ["topics", "discussions", "stories", "countries"])
def test_a_localized_listing_costs_the_same_queries_for_few_or_many_pages(
    site_tree, locales, translate, client, section
):
    """The Arabic listing of an English-only section: its query count does not grow with
    the number of pages listed (a page of cards), and stays under a fixed bound."""
    from django.db import connection

    translate(site_tree.home, "ar", {})
    index = getattr(site_tree, section)
    make = {
        "topics": lambda n: make_topic(index, n),
        "discussions": lambda n: make_discussion(index, n, posts=1),
        "stories": lambda n: make_story(index, n),
        "countries": lambda n: make_country(index, ["NZ", "GH", "KE", "BR", "IN", "FI"][n]),
    }[section]

    def queries():
        client.get(f"/ar/{section}/")  # per-process caches (locales, site)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/ar/{section}/")
        assert response.status_code == 200
        return len(captured)

    make(0)
    with_one = queries()
    for n in range(1, 6):
        make(n)
    with_six = queries()

    assert with_six == with_one
    assert with_six <= 30


def test_round_labels_are_in_the_visitors_language():
    with translation.override("fr"):
        label = round_name("Round 4 · January 2027")
        assert label.endswith(" · janvier 2027")
        assert "4" in label
        assert round_label("Round 5") == f'<bdi dir="ltr">{round_name("Round 5")}</bdi>'
        # A label of another form stays as the editor wrote it, marked as English.
        assert round_label("Pilot intake") == '<bdi lang="en" dir="ltr">Pilot intake</bdi>'
    with translation.override("ar"):
        assert round_label("Round 5 · autumn 2016").startswith('<bdi dir="rtl">')
    with translation.override("en"):
        assert round_name("Round 5 · autumn 2016") == "Round 5 · autumn 2016"
        assert round_label("Pilot intake") == "<bdi>Pilot intake</bdi>"


def test_a_topic_card_shows_its_round_in_the_visitors_language(content, client):
    round_ = Round.objects.create(
        name="Round 4 · January 2027",
        slug="r4",
        applications_open=datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC),
        applications_close=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        partnership_start=datetime.date(2027, 1, 11),
    )
    RoundTopic.objects.create(
        round=round_, topic=content["topic"], release_date=content["topic"].date
    )

    html = client.get("/fr/topics/").content.decode()

    assert "janvier 2027</bdi> · <time" in html
    assert "January 2027" not in html


def test_content_lang_and_frame_title_cost_no_query(content, django_assert_num_queries):
    topic = Page.objects.get(pk=content["topic"].pk)
    section = topic.get_parent()
    localization.locale_code(topic.locale_id)  # the locale codes, once per process
    with translation.override("ar"), django_assert_num_queries(0):
        assert content_lang(topic) == ' lang="en" dir="ltr"'
        assert content_lang("ar") == ""
        assert frame_title(section) == "موضوعات النقاش"
    with translation.override("en"), django_assert_num_queries(0):
        assert content_lang(topic) == ""


def test_feeds_in_a_language_link_to_pages_in_that_language(content, client):
    topics = client.get("/fr/topics/feed/").content.decode()
    assert "<link>http://testserver/fr/topics/</link>" in topics
    assert f"<link>http://testserver/fr/topics/{content['topic'].slug}/</link>" in topics
    stories = client.get("/ar/stories/feed/").content.decode()
    assert "<link>http://testserver/ar/stories/</link>" in stories
    english = client.get("/topics/feed/").content.decode()
    assert f"<link>http://testserver/topics/{content['topic'].slug}/</link>" in english


def test_tag_names_in_an_arabic_page_are_isolated_or_marked_english(
    content, member_client, other_member
):
    other_member.interests.add("community outreach")
    profile = member_client.get(f"/ar/members/{other_member.pk}/").content.decode()
    assert "<bdi>community outreach</bdi>" in profile
    directory = member_client.get("/ar/members/").content.decode()
    assert "<bdi>community outreach</bdi>" in directory
    content["discussion"].tags.add("flood response")
    content["discussion"].save_revision().publish()
    archive = member_client.get("/ar/discussions/").content.decode()
    assert re.search(r'<option value="flood-response"[^>]* lang="en" dir="ltr">', archive)
