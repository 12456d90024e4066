"""Submitted stories stored a line break as `<br>`, which the admin's page editor cannot
parse (AssertionError "Unmatched tags", issue #13 finding 4): rewrite it as Wagtail's
`<br/>` in the stories' bodies and in their revisions, so existing submissions open."""

import json

from django.db import migrations


def fix_text(text):
    return text.replace("<br>", "<br/>")


def fix_stream(raw):
    """The raw StreamField data (a JSON string or a list of blocks), with paragraphs fixed."""
    as_string = isinstance(raw, str)
    blocks = json.loads(raw) if as_string else raw
    changed = False
    for block in blocks or []:
        if block.get("type") == "paragraph" and isinstance(block.get("value"), str):
            fixed = fix_text(block["value"])
            changed = changed or fixed != block["value"]
            block["value"] = fixed
    if not changed:
        return None
    return json.dumps(blocks) if as_string else blocks


def forwards(apps, schema_editor):
    PartnerStoryPage = apps.get_model("stories", "PartnerStoryPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in PartnerStoryPage.objects.only("pk", "body").iterator():
        body = page.body
        raw = [dict(block) for block in body.raw_data] if hasattr(body, "raw_data") else body
        fixed = fix_stream(raw)
        if fixed is not None:
            PartnerStoryPage.objects.filter(pk=page.pk).update(body=fixed)
    content_type = ContentType.objects.filter(app_label="stories", model="partnerstorypage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        body = (revision.content or {}).get("body")
        if body is None:
            continue
        fixed = fix_stream(body)
        if fixed is not None:
            revision.content["body"] = fixed
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_image_block"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
