"""axe-core (the copy bundled with axe-playwright-python, a pinned test requirement) on the
demo site's home, topic, story, country, guidance, search, directory and profile pages, in
English and in Arabic, at desktop and phone widths.

Fails on any serious or critical violation, and on the moderate ones a reviewer found
before: a page with two search landmarks that cannot be told apart, and headings that skip
a level."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.site_tour import (
    LANGUAGES,
    WIDTHS,
    demo_member,
    load_demo_site,
    session_cookie_for,
    tour_pages,
    url_of,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FAILING_IMPACTS = {"serious", "critical"}
FAILING_RULES = {
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "heading-order",
}


def failing(violations):
    return [
        violation
        for violation in violations
        if violation["impact"] in FAILING_IMPACTS or violation["id"] in FAILING_RULES
    ]


def describe(where, violation):
    nodes = "; ".join(
        " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
        for node in violation["nodes"][:4]
    )
    return f"{where}: {violation['id']} ({violation['impact']}) {violation['help']} at {nodes}"


def test_axe_finds_nothing_serious_on_the_tour(live_server, browser):
    load_demo_site()
    pages = tour_pages()
    cookie = session_cookie_for(demo_member(), live_server.url)
    axe = Axe()
    assert [p.name for p in pages] == [
        "home",
        "topic",
        "story",
        "country",
        "guidance",
        "search",
        "directory",
        "profile",
    ]
    problems, checked = [], 0
    for width_name, width in WIDTHS.items():
        # axe is injected by Playwright's evaluate: not subject to the site's CSP.
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        context.add_cookies([cookie])
        tab = context.new_page()
        for tour_page in pages:
            for language in LANGUAGES:
                url = live_server.url + url_of(tour_page, language)
                response = tab.goto(url)
                where = f"{tour_page.name} [{language}, {width_name}] {tab.url}"
                assert response.ok, f"{where}: HTTP {response.status}"
                if tour_page.members_only:
                    assert "/accounts/login/" not in tab.url, f"{where}: not logged in"
                results = axe.run(tab)
                assert results.response["passes"] or results.response["violations"], where
                checked += 1
                problems += [describe(where, v) for v in failing(results.response["violations"])]
        context.close()
    assert checked == len(pages) * len(LANGUAGES) * len(WIDTHS)
    assert problems == [], "\n".join(problems)


def test_failing_picks_serious_ones_and_the_named_moderate_rules():
    violations = [
        {"id": "color-contrast", "impact": "serious"},
        {"id": "landmark-unique", "impact": "moderate"},
        {"id": "heading-order", "impact": "moderate"},
        {"id": "region", "impact": "moderate"},
        {"id": "aria-allowed-role", "impact": "minor"},
    ]
    assert [v["id"] for v in failing(violations)] == [
        "color-contrast",
        "landmark-unique",
        "heading-order",
    ]
