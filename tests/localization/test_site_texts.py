"""Site-wide texts editors write (the call to apply, the footer) are a translatable snippet:
each locale shows its own version, English when it has none, at one query a page."""

import re

import pytest
from django.urls import reverse

from core.models import SiteTexts
from demo.translations import translate_snippet

pytestmark = pytest.mark.django_db

ENGLISH = {
    "application_title": "Applications are open",
    "application_text": "Tell us about your library.",
    "footer_text": "Librarians learning from librarians.",
}
FRENCH = {
    "Applications are open": "Les candidatures sont ouvertes",
    "Tell us about your library.": "Parlez-nous de votre bibliothèque.",
    "Librarians learning from librarians.": "Des bibliothécaires qui apprennent.",
}


@pytest.fixture
def site_texts(locales):
    return SiteTexts.objects.create(locale=locales["en"], **ENGLISH)


@pytest.fixture
def translated_homes(site_tree, locales, translate):
    return {code: translate(site_tree.home, code, {}) for code in ("fr", "es", "ar")}


def cta_and_footer(html):
    cta = re.search(r'<h2 id="cta-heading"[^>]*>(.*?)</h2>\s*(?:<p[^>]*>(.*?)</p>)?', html, re.S)
    footer = re.search(r'site-footer__inner">\s*<p[^>]*>(.*?)</p>', html, re.S)
    return (cta.group(1) if cta else None, cta.group(2) if cta else None, footer.group(1))


def test_each_locale_shows_its_site_texts_with_english_fallback(
    site_texts, translated_homes, client
):
    translate_snippet(site_texts, "fr", FRENCH)
    translate_snippet(site_texts, "ar", {"Applications are open": "باب التقديم مفتوح"})

    assert cta_and_footer(client.get("/").content.decode()) == (
        "Applications are open",
        "Tell us about your library.",
        "Librarians learning from librarians.",
    )
    assert cta_and_footer(client.get("/fr/").content.decode()) == (
        "Les candidatures sont ouvertes",
        "Parlez-nous de votre bibliothèque.",
        "Des bibliothécaires qui apprennent.",
    )
    # Arabic: partly translated, the rest in English; Spanish: no translation, all English.
    assert cta_and_footer(client.get("/ar/").content.decode()) == (
        "باب التقديم مفتوح",
        "Tell us about your library.",
        "Librarians learning from librarians.",
    )
    assert cta_and_footer(client.get("/es/").content.decode())[0] == "Applications are open"


def test_texts_still_in_english_are_marked_as_english(site_texts, translated_homes, client):
    """WCAG 3.1.2: the English fields of a partly translated (or missing) translation."""
    translate_snippet(site_texts, "ar", {"Applications are open": "باب التقديم مفتوح"})

    arabic = client.get("/ar/").content.decode()
    assert '<h2 id="cta-heading">باب التقديم مفتوح</h2>' in arabic
    assert '<p lang="en" dir="ltr">Tell us about your library.</p>' in arabic
    assert '<p lang="en" dir="ltr">Librarians learning from librarians.</p>' in arabic
    spanish = client.get("/es/").content.decode()
    assert '<h2 id="cta-heading" lang="en" dir="ltr">Applications are open</h2>' in spanish
    english = client.get("/").content.decode()
    assert 'lang="en" dir="ltr"' not in english.split("<body", 1)[1]


def test_without_site_texts_the_default_call_is_in_the_visitors_language(translated_homes, client):
    assert cta_and_footer(client.get("/").content.decode())[0] == (
        "Applications for the next round open soon"
    )
    assert cta_and_footer(client.get("/fr/").content.decode())[0] == (
        "Les candidatures pour la prochaine session ouvriront bientôt"
    )


def test_site_texts_cost_one_query_whatever_the_number_of_translations(
    site_texts, translated_homes, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return [q["sql"] for q in captured if "core_sitetexts" in q["sql"]]

    assert len(queries("/fr/")) == 1
    for code, strings in (("fr", FRENCH), ("es", {}), ("ar", {})):
        translate_snippet(site_texts, code, strings)
    assert len(queries("/fr/")) == 1
    assert len(queries("/")) == 1


def test_site_texts_are_translated_through_wagtail_localize(site_texts, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("c", "c@example.org", "pw"))
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["core", "sitetexts", site_texts.pk]
    )
    assert client.get(url).status_code == 200
    french = translate_snippet(site_texts, "fr", FRENCH)
    assert french.translation_key == site_texts.translation_key
    assert french.application_title == "Les candidatures sont ouvertes"
