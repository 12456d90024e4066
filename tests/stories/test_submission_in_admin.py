"""A submitted story opens in the admin's page editor, whatever line breaks the member typed
(issue #13, finding 4: a single line break made the editor answer 500)."""

import pytest
from django.contrib.auth import get_user_model

from stories.models import PartnerStoryPage
from tests.factories_content import story_form_data

pytestmark = pytest.mark.django_db

TEXTS = {
    "line break": "First line of the story, long enough to count as a story.\nSecond line "
    "of the same paragraph.\n\nA new paragraph after a blank line, also long enough.",
    "windows line endings": "One paragraph with a break\r\nin the middle of it, and "
    "enough words to pass the length check of the form.\r\n\r\nAnother one.",
    "several breaks and markup": "Lines <b>with</b> markup & ampersands\n\n\n\nand\n\n"
    "\nbreaks\n\nthat go on for long enough to make a story of a hundred characters.\n ",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_a_submission_with_line_breaks_opens_in_the_admin_editor(
    member_client, client, site_tree, text
):
    response = member_client.post("/members/me/stories/new/", story_form_data(text=text))
    assert response.status_code == 302
    page = PartnerStoryPage.objects.get(title="Two reading rooms")
    moderator = get_user_model().objects.create_superuser("mod", "mod@example.org", "pw")
    client.force_login(moderator)

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Second line" in html or "in the middle of it" in html or "ampersands" in html
    # The member's markup is still text, never HTML.
    assert "<b>with</b>" not in html


def test_the_migration_repairs_stories_submitted_before_the_fix(member_client, client, site_tree):
    """Stories stored with `<br>` (as submissions were before the fix) open in the editor
    after stories.0003 has run over their bodies and revisions."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("stories.migrations.0003_self_closing_line_breaks")
    member_client.post("/members/me/stories/new/", story_form_data(text=TEXTS["line break"]))
    page = PartnerStoryPage.objects.get(title="Two reading rooms")
    # As before the fix: `<br>` in the page and in its revision.
    raw = [
        {**block, "value": block["value"].replace("<br/>", "<br>")} for block in page.body.raw_data
    ]
    PartnerStoryPage.objects.filter(pk=page.pk).update(body=raw)
    revision = page.latest_revision
    revision.content["body"] = revision.content["body"].replace("<br/>", "<br>")
    revision.save(update_fields=["content"])
    moderator = get_user_model().objects.create_superuser("mod", "mod@example.org", "pw")
    client.force_login(moderator)
    assert "<br>" in str(list(PartnerStoryPage.objects.get(pk=page.pk).body.raw_data))
    with pytest.raises(AssertionError, match="Unmatched tags"):
        client.get(f"/admin/pages/{page.pk}/edit/")

    migration.forwards(apps, None)

    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200 and "Second line" in response.content.decode()
    page.refresh_from_db()
    stored = str(list(page.body.raw_data))
    assert "<br/>" in stored and "<br>" not in stored
    assert "<br>" not in page.latest_revision.content["body"]
