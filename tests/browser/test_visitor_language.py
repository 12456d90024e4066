"""A visitor keeps French or Arabic through the menus, the breadcrumbs, pages that exist
only in English, untranslated guidance and search (issue #12); the search box's
suggestions in a real browser."""

import pytest

from home.factories import GuidancePageFactory
from tests.factories_content import (
    FRENCH_HOME,
    FRENCH_INDEX,
    make_discussion,
    make_story,
    make_topic,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world(site_tree, locales, translate):
    """English content only, but for the French and Arabic home pages and the French
    guidance section (its code of conduct not translated)."""
    topic = make_topic(site_tree.topics, 1)
    discussion = make_discussion(site_tree.discussions, 1, topic=topic)
    story = make_story(
        site_tree.stories, 1, partners=(("Joseph Lemayian", "KE"), ("Rosa Quispe", "PE"))
    )
    conduct = GuidancePageFactory(
        parent=site_tree.guidance, title="Code of conduct", slug="code-of-conduct"
    )
    translate(site_tree.home, "fr", FRENCH_HOME)
    translate(site_tree.guidance, "fr", FRENCH_INDEX)
    translate(site_tree.home, "ar", {})
    return {"topic": topic, "discussion": discussion, "story": story, "conduct": conduct}


def language_of(page):
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def main_menu(page):
    """The main navigation, opening the phone header's Menu first when it is closed."""
    toggle = page.locator("summary.site-menu__toggle")
    if toggle.count() and toggle.is_visible():
        if not page.locator("details.site-menu").evaluate("d => d.open"):
            toggle.click()
    return page.locator("nav.site-nav")


def test_a_french_visitor_keeps_french_through_menus_pages_and_search(live_server, world, page):
    topic, discussion = world["topic"], world["discussion"]
    page.goto(live_server.url + "/fr/")
    assert language_of(page) == ["fr", "ltr"]

    # A section that exists only in English, from the menu: its French URL, French frame.
    main_menu(page).get_by_role("link", name="Thèmes de discussion").click()
    page.wait_for_url("**/fr/topics/")
    assert language_of(page) == ["fr", "ltr"]
    assert page.locator("h1").inner_text() == "Thèmes de discussion"

    page.get_by_role("link", name=topic.title).click()
    page.wait_for_url(f"**/fr/topics/{topic.slug}/")
    assert language_of(page) == ["fr", "ltr"]
    assert page.locator("h1").get_attribute("lang") == "en"
    assert "n’a pas encore été traduite" in page.locator(".translation-note").inner_text()

    # The breadcrumb's Home is the French home page.
    page.locator("nav.breadcrumbs").get_by_role("link", name="Accueil").click()
    page.wait_for_url(live_server.url + "/fr/")

    # The discussion archive (only ever in English) and back to the topic from there.
    main_menu(page).get_by_role("link", name="Discussions").click()
    page.wait_for_url("**/fr/discussions/")
    page.get_by_role("link", name=discussion.title).click()
    page.wait_for_url(f"**/fr/discussions/{discussion.slug}/")
    assert "n’existe qu’en anglais" in page.locator(".translation-note").inner_text()
    page.locator("main").get_by_role("link", name=topic.title).click()
    page.wait_for_url(f"**/fr/topics/{topic.slug}/")

    # Guidance: the French section, an English page not translated yet.
    main_menu(page).get_by_role("link", name="Guide").click()
    page.wait_for_url("**/fr/guidance/")
    page.get_by_role("link", name="Code of conduct").click()
    page.wait_for_url("**/fr/guidance/code-of-conduct/")
    assert language_of(page) == ["fr", "ltr"]
    assert "n’a pas encore été traduite" in page.locator(".translation-note").inner_text()

    # Search from the header: French results page, a result opens in French.
    box = page.locator("#site-search-q")
    if not box.is_visible():
        main_menu(page)
    box.fill("floods")
    box.press("Enter")
    page.wait_for_url("**/fr/search/?q=floods*")
    assert language_of(page) == ["fr", "ltr"]
    page.locator(".search-results").get_by_role("link", name=discussion.title).click()
    page.wait_for_url(f"**/fr/discussions/{discussion.slug}/")

    # The switcher takes the visitor to the same page in English.
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"**{live_server.url}/discussions/{discussion.slug}/")
    assert language_of(page) == ["en", "ltr"]
    assert page.locator(".translation-note").count() == 0
    assert page.console_errors == []


def test_an_arabic_visitor_on_a_phone_keeps_arabic_and_reads_english_content_correctly(
    live_server, world, browser
):
    story = world["story"]
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(live_server.url + "/ar/")
    assert language_of(page) == ["ar", "rtl"]
    main_menu(page).get_by_role("link", name="قصص الشراكات").click()
    page.wait_for_url("**/ar/stories/")
    assert page.locator("h1").inner_text() == "قصص الشراكات"
    # Names and countries isolated: "Joseph Lemayian (كينيا) · Rosa Quispe (بيرو)".
    partners = page.locator(".card__partners")
    assert partners.locator("bdi").all_inner_texts() == [
        "Joseph Lemayian",
        "كينيا",
        "Rosa Quispe",
        "بيرو",
    ]

    page.get_by_role("link", name=story.title).click()
    page.wait_for_url(f"**/ar/stories/{story.slug}/")
    assert language_of(page) == ["ar", "rtl"]
    heading = page.locator("h1")
    assert [heading.get_attribute("lang"), heading.get_attribute("dir")] == ["en", "ltr"]
    # English text reads left to right inside the right-to-left page.
    assert page.locator(".article__body").evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("main").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "باللغة الإنجليزية فقط" in page.locator(".translation-note").inner_text()
    # No horizontal scroll on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # A search in Arabic that finds nothing offers the archive in English.
    page.goto(live_server.url + "/ar/search/?q=فيضان")
    offer = page.locator(".search-in-english a")
    offer.click()
    page.wait_for_url("**/search/?q=*")
    assert language_of(page) == ["en", "ltr"]
    assert page.locator("#search-q").input_value() == "فيضان"
    assert errors == []
    context.close()


def test_the_search_box_suggests_titles_in_the_visitors_language(live_server, world, page):
    topic = world["topic"]
    page.goto(live_server.url + "/fr/topics/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("data-autocomplete-url") == "/fr/search/autocomplete/"

    with page.expect_response("**/fr/search/autocomplete/?q=Makers*") as answer:
        box.press_sequentially("Makers", delay=30)
    assert answer.value.ok
    suggestions = page.locator(f"datalist#{box.get_attribute('list')} option")
    suggestions.first.wait_for(state="attached")
    assert suggestions.evaluate_all("options => options.map(o => o.value)") == [topic.title]

    # Picking the suggestion searches for it, in French.
    box.fill(topic.title)
    box.press("Enter")
    page.wait_for_url("**/fr/search/?q=*")
    assert page.locator(".search-results").get_by_role("link", name=topic.title).is_visible()
    assert page.console_errors == []
