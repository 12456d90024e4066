"""The Translators group (see core/translators.py), and the permission to submit pages for
translation and sync them for Editors, Moderators and Translators."""

from django.conf import settings
from django.db import migrations

TRANSLATORS = "Translators"
SUBMITTERS = ["Editors", "Moderators", TRANSLATORS]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    translators.permissions.add(access_admin)

    translation_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    submit, _ = Permission.objects.get_or_create(
        content_type=translation_ct,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for name in SUBMITTERS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(submit)

    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for tree_root in Page.objects.filter(depth=2).exclude(
        locale__language_code=settings.LANGUAGE_CODE
    ):
        for codename in ("add_page", "change_page"):
            permission, _ = Permission.objects.get_or_create(
                content_type=page_ct, codename=codename, defaults={"name": codename}
            )
            GroupPagePermission.objects.get_or_create(
                group=translators, page=tree_root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_moderation_workflow"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
