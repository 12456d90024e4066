"""Popular searches are searches editors approved, never what visitors typed (issue #13,
finding 3), and never the visitor's own search offered back; a search that finds nothing
in French or Arabic offers to search the (mostly English) archive in English."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

pytestmark = pytest.mark.django_db


def popular_block(html):
    start = html.find('<section class="popular-searches"')
    return html[start : html.index("</section>", start)] if start >= 0 else ""


def test_what_anonymous_visitors_search_for_is_never_listed(client, corpus):
    private = ["Hinemoa Kauri-Private", "Te Whare Pukapuka o Hinemoa", "planted text here"]
    for text in private:
        for _ in range(5):
            client.get("/search/", {"q": text})

    html = client.get("/search/").content.decode()

    for text in private:
        assert text.lower() not in html.lower()
        assert Query.get(text).hits == 5  # still counted for editors' "Search terms" report
    assert popular_block(html) == ""  # no approved searches yet: none offered


def test_only_approved_searches_are_offered_and_they_follow_editors_changes(client, corpus):
    client.get("/search/", {"q": "anything people type"})
    promotion = SearchPromotion.objects.create(query=Query.get("floods"), page=corpus["river"])

    html = client.get("/search/").content.decode()
    assert 'href="/search/?q=floods"><bdi>floods</bdi></a>' in popular_block(html)
    assert "anything people type" not in html

    promotion.delete()  # an editor withdraws it: gone from the next page, not in 10 minutes
    assert popular_block(client.get("/search/").content.decode()) == ""


def test_a_search_that_finds_nothing_never_offers_itself_again(client, corpus):
    for query in ("floods", "makerspaces"):
        SearchPromotion.objects.create(query=Query.get(query), page=corpus["river"])

    response = client.get("/search/", {"q": "Floods", "type": "story"})  # nothing found

    assert response.context["outcome"].total == 0
    assert response.context["popular_searches"] == ["makerspaces"]


def test_a_search_in_arabic_that_finds_nothing_offers_the_english_archive(client, corpus, locales):
    response = client.get("/ar/search/", {"q": "فيضان"})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["outcome"].total == 0
    assert response.context["search_in_english_url"] == "/search/?q=%D9%81%D9%8A%D8%B6%D8%A7%D9%86"
    assert 'href="/search/?q=%D9%81%D9%8A%D8%B6%D8%A7%D9%86" hreflang="en"' in html
    assert "فيضان" not in popular_block(html)

    # The English search page and a French search that finds something do not offer it.
    assert client.get("/search/", {"q": "qwertyuiop"}).context["search_in_english_url"] is None
    found = client.get("/fr/search/", {"q": "flood"})
    assert found.context["outcome"].total and found.context["search_in_english_url"] is None


def test_french_search_results_link_to_pages_in_french(client, corpus, locales):
    html = client.get("/fr/search/", {"q": "makerspaces"}).content.decode()
    slug = corpus["maker"].slug
    # The result's title is English, in a French page; its link goes through the search's
    # click count, which sends the visitor on to the page's French URL.
    assert f'<h3 lang="en" dir="ltr"><a href="/fr/search/open/{corpus["maker"].pk}/?s=' in html
    autocomplete = client.get("/fr/search/autocomplete/", {"q": "mak"}).json()
    assert autocomplete["results"] == [
        {"title": "Makerspaces on a budget", "url": f"/fr/discussions/{slug}/"}
    ]
    assert client.get(f"/fr/search/open/{corpus['maker'].pk}/")["Location"] == (
        f"/fr/discussions/{slug}/"
    )
