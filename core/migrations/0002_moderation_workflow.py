"""Set up the "Editors submit, Moderators approve" workflow on the whole page tree, and the
Editors and Moderators groups' page permissions. Idempotent: safe on a database where
Wagtail's own default workflow already exists (that one is replaced on the root page)."""

from django.db import migrations

WORKFLOW_NAME = "Editors submit, Moderators approve"
TASK_NAME = "Moderators approve"

# codename -> groups that hold it on the root page
PAGE_PERMISSIONS = {
    "add_page": ["Editors", "Moderators"],
    "change_page": ["Editors", "Moderators"],
    "publish_page": ["Moderators"],
    "lock_page": ["Moderators"],
    "unlock_page": ["Moderators"],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")

    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename, group_names in PAGE_PERMISSIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=page_ct, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        for name in group_names:
            GroupPagePermission.objects.get_or_create(
                group=Group.objects.get(name=name), page=root, permission=permission
            )

    # Wagtail's admin access for both groups.
    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    editors.permissions.add(access_admin)
    moderators.permissions.add(access_admin)

    task_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_ct, active=True)
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
