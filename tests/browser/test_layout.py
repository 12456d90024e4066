"""The layout on phones and wide screens: the header's menu opens without JavaScript, no
page scrolls sideways at 320 px, the header's links and buttons are at least 24 x 24 px
(WCAG 2.2, 2.5.8), the search box shows its whole placeholder in every language, long
pages have a side column on wide screens, and a page has one site name in its title."""

import pytest

from tests.browser.site_tour import (
    LANGUAGES,
    demo_member,
    load_demo_site,
    session_cookie_for,
    tour_pages,
    url_of,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# [(target, width, height)] of the header's visible links, buttons and inputs under 24 px.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    '.site-header a, .site-header button, .site-header summary, .site-header input')]
  .filter(e => e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true}))
  .map(e => [e.textContent.trim() || e.name, e.getBoundingClientRect()])
  .filter(([_, r]) => r.width < 24 || r.height < 24)
  .map(([name, r]) => [name, Math.round(r.width), Math.round(r.height)])"""

# The elements that stick out of a 320 px page.
WIDE_ELEMENTS = """() => [...document.querySelectorAll('body *')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.right > 321 || r.left < -1; })
  .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""

# How much wider the placeholder is than the search box's text area, in px (<= 0: fits).
PLACEHOLDER_OVERFLOW = """() => { const i = document.querySelector('#site-search-q');
  const style = getComputedStyle(i), canvas = document.createElement('canvas').getContext('2d');
  canvas.font = style.font;
  const room = i.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return canvas.measureText(i.placeholder).width - room; }"""


def test_the_phone_menu_opens_without_javascript(live_server, site_tree, browser):
    context = browser.new_context(viewport={"width": 375, "height": 700}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    main_menu = tab.get_by_role("navigation", name="Main")
    assert not main_menu.is_visible()
    assert tab.get_by_role("navigation", name="Languages").is_visible()

    tab.locator("summary", has_text="Menu").click()
    assert main_menu.is_visible()
    assert tab.get_by_role("search").is_visible()
    main_menu.get_by_role("link", name="Topics").click()
    tab.wait_for_url(f"**{site_tree.topics.url}")
    assert tab.title() == f"{site_tree.topics.title} | ILN Portal"
    context.close()


def test_wide_screens_show_the_menu_without_a_button(live_server, site_tree, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert not page.locator("summary", has_text="Menu").is_visible()
    assert page.title() == "ILN Portal"  # not "ILN Portal | ILN Portal"


def test_the_tour_at_320_px_and_on_wide_screens(live_server, browser):
    load_demo_site()
    pages = tour_pages()
    cookie = session_cookie_for(demo_member(), live_server.url)
    problems = []

    phone = browser.new_context(viewport={"width": 320, "height": 640})
    phone.add_cookies([cookie])
    tab = phone.new_page()
    for tour_page in pages:
        for language in LANGUAGES:
            tab.goto(live_server.url + url_of(tour_page, language))
            where = f"{tour_page.name} [{language}, 320 px]"
            for state in ("closed", "open"):
                if state == "open":
                    tab.locator("summary.site-menu__toggle").click()
                width = tab.evaluate("document.documentElement.scrollWidth")
                if width > 320:
                    wide_ones = tab.evaluate(WIDE_ELEMENTS)
                    problems.append(f"{where}, menu {state}: {width} px wide {wide_ones}")
                small = tab.evaluate(SMALL_TARGETS)
                if small:
                    problems.append(f"{where}, menu {state}: targets under 24 px {small}")
    phone.close()

    wide = browser.new_context(viewport={"width": 1280, "height": 800})
    wide.add_cookies([cookie])
    tab = wide.new_page()
    for language in ("en", "fr", "es", "ar"):
        tab.goto(f"{live_server.url}/{'' if language == 'en' else language + '/'}")
        if tab.evaluate(PLACEHOLDER_OVERFLOW) > 0:
            problems.append(f"home [{language}, 1280 px]: the search placeholder is cut off")
        small = tab.evaluate(SMALL_TARGETS)
        if small:
            problems.append(f"home [{language}, 1280 px]: targets under 24 px {small}")
    for name in ("topic", "country", "guidance", "story"):
        tour_page = next(p for p in pages if p.name == name)
        tab.goto(live_server.url + tour_page.path)
        aside, article = tab.locator(".page-aside"), tab.locator("main article").first
        if not aside.count() or aside.bounding_box()["x"] <= article.bounding_box()["x"]:
            problems.append(f"{name} [1280 px]: no side column beside the text")
    wide.close()
    assert problems == [], "\n".join(problems)
