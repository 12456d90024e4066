"""What visitors see: language switcher, hreflang, rtl, fallbacks, notes, sitemap, 404."""

import re

import pytest

from home.factories import GuidancePageFactory
from tests.factories_content import FRENCH_GUIDANCE

pytestmark = pytest.mark.django_db


def switcher_languages(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r' lang="([a-z]+)"', nav.group(0)) if nav else []


def hreflangs(html):
    return re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"', html)


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: url for url, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', nav)}


def test_switcher_lists_every_language_and_hreflang_only_live_translations(
    french_section, guidance, translate, client
):
    translate(guidance, "es", {"Being a good partner": "Ser un buen compañero"}, publish=False)

    html = client.get(guidance.url).content.decode()

    assert switcher_languages(html) == ["en", "fr", "es", "ar"]
    # The Spanish draft is not offered: /es/… is the English page in the Spanish frame.
    assert switcher_links(html) == {
        "fr": "/fr/guidance/being-a-good-partner/",
        "es": "/es/guidance/being-a-good-partner/",
        "ar": "/ar/guidance/being-a-good-partner/",
    }
    assert hreflangs(html) == [
        ("en", "http://localhost/guidance/being-a-good-partner/"),
        ("fr", "http://localhost/fr/guidance/being-a-good-partner/"),
        ("x-default", "http://localhost/guidance/being-a-good-partner/"),
    ]
    french_html = client.get("/fr/guidance/being-a-good-partner/").content.decode()
    assert switcher_languages(french_html) == ["en", "fr", "es", "ar"]
    assert 'aria-current="page" lang="fr"' in french_html
    assert switcher_links(french_html)["en"] == "/guidance/being-a-good-partner/"


def test_a_page_without_translations_has_the_switcher_but_no_alternates(guidance, client):
    html = client.get(guidance.url).content.decode()
    assert switcher_languages(html) == ["en", "fr", "es", "ar"]
    assert switcher_links(html)["ar"] == "/ar/guidance/being-a-good-partner/"
    assert hreflangs(html) == []


def test_switcher_and_hreflang_cost_the_same_queries_for_one_or_three_translations(
    site_tree, guidance, translate, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_page():
        client.get(guidance.url)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(guidance.url).status_code == 200
        return len(captured)

    for code in ("fr", "es", "ar"):
        translate(site_tree.home, code, {})
        translate(site_tree.guidance, code, {})
    translate(guidance, "fr", FRENCH_GUIDANCE)
    with_one = queries_for_page()
    translate(guidance, "es", {})
    translate(guidance, "ar", {})
    with_three = queries_for_page()

    assert with_three == with_one
    html = client.get(guidance.url).content.decode()
    assert switcher_languages(html) == ["en", "fr", "es", "ar"]
    with django_assert_max_num_queries(16):
        client.get(guidance.url)


def test_arabic_pages_are_right_to_left(site_tree, locales, translate, client):
    translate(site_tree.home, "ar", {"ILN Portal": "بوابة ILN"})

    html = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert "الانتقال إلى المحتوى الرئيسي" in html  # "Skip to main content", from the catalogue
    assert '<html lang="en" dir="ltr">' in client.get("/").content.decode()


def test_untranslated_page_is_listed_in_english_and_says_so_in_the_visitors_language(
    french_section, site_tree, client
):
    GuidancePageFactory(parent=site_tree.guidance, title="Code of conduct", slug="code-of-conduct")

    index = client.get("/fr/guidance/").content.decode()
    assert 'href="/fr/guidance/being-a-good-partner/"' in index
    assert 'href="/fr/guidance/code-of-conduct/"' in index
    assert (
        '<h2 class="card__title" lang="en" dir="ltr"><a href="/fr/guidance/code-of-conduct/">'
        in (index)
    )

    french = client.get("/fr/guidance/code-of-conduct/").content.decode()
    assert '<html lang="fr" dir="ltr">' in french
    assert '<h1 lang="en" dir="ltr">Code of conduct</h1>' in french
    assert "Cette page n’a pas encore été traduite dans votre langue." in french
    assert "not been translated" not in client.get("/guidance/code-of-conduct/").content.decode()


def test_old_lang_links_go_to_the_localized_url_and_bad_values_are_ignored(guidance, client):
    plain = client.get(guidance.url).content
    for value in ("xx", "", "<script>", "fr" * 200, "en"):
        response = client.get(guidance.url, {"lang": value})
        assert response.status_code == 200
        assert response.content == plain, value  # no note, no other language: ignored
    response = client.get(guidance.url, {"lang": "fr", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == "/fr/guidance/being-a-good-partner/?page=2"


def test_a_translated_prefix_without_the_page_serves_the_english_page_there(
    french_section, site_tree, client
):
    GuidancePageFactory(parent=site_tree.guidance, title="FAQ", slug="faq")

    response = client.get("/fr/guidance/faq/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert '<h1 lang="en" dir="ltr">FAQ</h1>' in html


def test_menu_of_a_translated_section_links_translations_and_english_pages_in_french(
    french_section, site_tree, client
):
    html = client.get("/fr/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)

    assert 'href="/fr/guidance/">Guide</a>' in nav
    assert 'href="/fr/topics/">Thèmes de discussion</a>' in nav


def test_partnership_note_on_translated_pages_about_partnerships_only(
    french_section, guidance, site_tree, translate, client
):
    note = "les partenariats eux-mêmes se déroulent en anglais"
    assert note in client.get("/fr/guidance/being-a-good-partner/").content.decode()
    assert "partnerships themselves are conducted" not in client.get(guidance.url).content.decode()

    conduct = GuidancePageFactory(
        parent=site_tree.guidance, title="Code", slug="code", about_partnerships=False
    )
    translate(conduct, "fr", {"Code": "Code"})
    assert note not in client.get("/fr/guidance/code/").content.decode()


def test_unknown_locale_prefix_gives_the_404_page(site_tree, client):
    response = client.get("/xx/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert client.get("/xx/guidance/").status_code == 404


def test_sitemap_lists_live_translations_with_alternates(
    french_section, guidance, translate, client
):
    translate(guidance, "es", {}, publish=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/fr/guidance/being-a-good-partner/</loc>" in xml
    assert "<loc>http://localhost/guidance/being-a-good-partner/</loc>" in xml
    assert "/es/guidance/" not in xml
    assert 'hreflang="fr" href="http://localhost/fr/guidance/being-a-good-partner/"' in xml
    assert 'hreflang="x-default" href="http://localhost/guidance/being-a-good-partner/"' in xml
