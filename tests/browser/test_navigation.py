"""A visitor opens the home page, follows the navigation to a topic, and the browser
reports no console errors on the way."""

import pytest

from tests.factories_content import make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_to_topic_through_the_navigation(live_server, site_tree, page):
    topic = make_topic(site_tree.topics, 1)

    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == site_tree.home.hero_title

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Topics").click()
    page.wait_for_url(f"**{site_tree.topics.url}")
    assert page.locator("h1").inner_text() == site_tree.topics.title

    page.get_by_role("link", name=topic.title).click()
    page.wait_for_url(f"**{topic.url}")
    assert page.locator("h1").inner_text() == topic.title
    assert page.get_by_role("navigation", name="Breadcrumb").is_visible()

    # The skip link is the first thing keyboard users reach, and it moves focus to <main>.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    assert page.console_errors == []
