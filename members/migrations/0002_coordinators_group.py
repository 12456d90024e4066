"""The Coordinators group: staff who run the programme. They reach the Wagtail admin, see
every member profile and e-mail address, and manage profiles in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Coordinators"
PROFILE_PERMISSIONS = ["view_member_contact", "view_memberprofile", "change_memberprofile"]


def forwards(apps, schema_editor):
    # Model permissions are normally created after all migrations ran; make sure the
    # profile's exist now so the group can hold them.
    app_config = apps.get_app_config("members")
    app_config.models_module = True  # historical app configs have none; the check needs one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    coordinators, _ = Group.objects.get_or_create(name=GROUP_NAME)
    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    coordinators.permissions.add(access_admin)
    coordinators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="members", codename__in=PROFILE_PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # After Wagtail hands choose permissions to the groups that exist, so that the
        # Coordinators' permissions do not depend on migration order (they choose nothing).
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
