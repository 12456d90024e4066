"""Playwright in Debian's Chromium (installed by `make test`; Playwright's own browser
download is not used) against Django's live server."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser():
    # Function-scoped on purpose: while Playwright's sync API is running, Django's
    # context-local `connections` resolve to fresh connection objects, so a session-wide
    # browser made later tests lose the serialized_rollback data. A Chromium start is ~1 s.
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: run `make browser` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page that records console errors and failed requests."""
    context = browser.new_context()
    tab = context.new_page()
    tab.console_errors = []
    tab.on(
        "console", lambda msg: tab.console_errors.append(msg.text) if msg.type == "error" else None
    )
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    yield tab
    context.close()
