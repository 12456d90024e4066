"""The Coordinators group runs rounds: it manages rounds, sees and changes applications,
and runs and publishes matchings (programme.run_matching)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Coordinators"
PERMISSIONS = [
    "add_round",
    "change_round",
    "view_round",
    "view_application",
    "change_application",
    "view_partnership",
    "run_matching",
]


def forwards(apps, schema_editor):
    # Model permissions are normally created after all migrations ran.
    app_config = apps.get_app_config("programme")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name=GROUP_NAME)
    coordinators.permissions.add(
        *Permission.objects.filter(content_type__app_label="programme", codename__in=PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0001_initial"),
        ("members", "0002_coordinators_group"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
