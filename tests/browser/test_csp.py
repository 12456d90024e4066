"""The Content-Security-Policy (portal/csp.py) in a real browser: the public site runs
without a single CSP violation, and the Wagtail admin still works under its relaxed
policy: the page editor, its preview panel and the image chooser."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_factories import ImageFactory

from tests.factories_content import make_story, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def csp_violations(page):
    return [text for text in page.console_errors if "Content Security Policy" in text]


def test_the_public_site_runs_under_its_policy(live_server, site_tree, page):
    topic = make_topic(site_tree.topics, 1)
    story = make_story(site_tree.stories, 1)
    policies = []
    page.on(
        "response",
        lambda response: (
            policies.append(response.headers.get("content-security-policy"))
            if response.request.resource_type == "document"
            else None
        ),
    )
    for path in ["/", topic.url, story.url, "/stories/", "/search/?q=makerspaces", "/ar/"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    # The search box's suggestions (static/js/search.js) fetch under connect-src 'self'.
    page.goto(live_server.url + "/search/")
    page.locator("input[name=q]").first.fill("maker")
    page.wait_for_timeout(600)
    page.goto(live_server.url + "/accounts/login/")

    script_sources = [
        {part.strip() for part in (policy or "").split(";")} & {"script-src 'self'"}
        for policy in policies
    ]
    assert policies and all(script_sources), policies
    assert csp_violations(page) == []


def test_the_admin_editor_preview_and_image_chooser_work_under_the_admin_policy(
    live_server, site_tree, page
):
    get_user_model().objects.create_superuser("editor-in-chief", "eic@example.org", "pw-12345")
    ImageFactory(title="Reading room")
    target = site_tree.stories

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "editor-in-chief")
    page.fill("input[name=password]", "pw-12345")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # The preview panel: the page, rendered in an iframe of the admin.
    page.locator("button[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("iframe[id^='w-preview-iframe'], .preview-panel iframe").first
    assert preview.locator("h1").first.inner_text(timeout=15_000) == target.title

    # The Open Graph image's chooser (an inline-initialised widget) and its modal.
    page.locator("a[href='#tab-promote']").first.click()
    page.locator("button[data-chooser-action-choose]:visible").first.click()
    page.locator(".modal a[data-chooser-modal-choice]:visible").first.click()
    assert page.get_by_text("Reading room").first.is_visible()

    assert csp_violations(page) == []
