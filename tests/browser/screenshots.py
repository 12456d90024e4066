"""`make screenshots`: full-page screenshots of the demo site for reviewers, in
docs/screenshots/ (not part of `make test`: pytest collects this file only when named).

The pages of tests/browser/site_tour.py, in English and Arabic, 1280 px (desktop) and
375 px (phone) wide, plus the phone menu opened; PNGs reduced to a 256-colour palette,
and docs/screenshots/README.md listing them."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

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
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OUT = Path(os.environ.get("SCREENSHOTS_DIR") or settings.BASE_DIR / "docs" / "screenshots")
LANGUAGE_NAMES = {"en": "English", "ar": "Arabic"}


def save_png(data, path):
    """A screenshot as a palette PNG: a fraction of the size, the text still crisp."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(tab, url, path):
    response = tab.goto(url)
    assert response.ok, f"{url}: HTTP {response.status}"
    # Lazy images below the fold would be blank in a full-page screenshot.
    tab.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    tab.wait_for_load_state("networkidle")
    save_png(tab.screenshot(full_page=True), path)


def test_screenshots(live_server, browser):
    load_demo_site()
    pages = tour_pages()
    cookie = session_cookie_for(demo_member(), live_server.url)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for width_name, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 800})
        tab = context.new_page()
        for tour_page in pages:
            for language in LANGUAGES:
                if tour_page.members_only:
                    context.add_cookies([cookie])
                else:
                    context.clear_cookies()
                name = f"{tour_page.name}-{language}-{width_name}.png"
                shoot(tab, live_server.url + url_of(tour_page, language), OUT / name)
                rows.append(
                    (tour_page.name, language, width_name, name, url_of(tour_page, language))
                )
        if width_name == "phone":
            context.clear_cookies()
            for language in LANGUAGES:
                name = f"menu-{language}-phone.png"
                tab.goto(live_server.url + url_of(pages[0], language))
                tab.locator("summary.site-menu__toggle").click()
                save_png(tab.screenshot(), OUT / name)
                rows.append(("menu (open)", language, width_name, name, url_of(pages[0], language)))
        context.close()

    lines = [
        "# Screenshots",
        "",
        "Written by `make screenshots` (tests/browser/screenshots.py) from the demo site",
        "(`load_demo`): full pages at 1280 px (desktop) and 375 px (phone), in English and",
        "Arabic; the directory and the profile logged in as the demo member. Regenerate them",
        "after a change to the look of the site.",
        "",
        "| page | language | width | file | address |",
        "|---|---|---|---|---|",
    ]
    for page_name, language, width_name, name, url in rows:
        lines.append(
            f"| {page_name} | {LANGUAGE_NAMES[language]} | {width_name} ({WIDTHS[width_name]} px) "
            f"| [{name}]({name}) | `{url}` |"
        )
    (OUT / "README.md").write_text("\n".join(lines) + "\n")
