"""The Coordinators group holds exactly the permissions its migrations give it: members'
(0002_coordinators_group) and the programme's (0002_coordinators_run_rounds). Fixtures put
staff in the group as migrated (tests/conftest.py: staff_in) and never grant anything, so a
migration that forgets a permission, or gives one too many, fails here and in the tests of
what coordinators do."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

COORDINATOR_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    # members: every profile, with contact details
    ("members", "view_member_contact"),
    ("members", "view_memberprofile"),
    ("members", "change_memberprofile"),
    # programme: run rounds and their matching
    ("programme", "add_round"),
    ("programme", "change_round"),
    ("programme", "view_round"),
    ("programme", "view_application"),
    ("programme", "change_application"),
    ("programme", "view_partnership"),
    ("programme", "run_matching"),
}


def test_the_migrated_coordinators_group_holds_exactly_its_permissions():
    group = Group.objects.get(name="Coordinators")
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert held == COORDINATOR_PERMISSIONS
    # Coordinators edit no pages: page rights belong to Editors and Moderators.
    assert not group.page_permissions.exists()


def test_a_coordinator_has_the_groups_permissions_and_no_more(coordinator):
    expected = {f"{app}.{codename}" for app, codename in COORDINATOR_PERMISSIONS}
    assert coordinator.get_all_permissions() == expected
    assert not coordinator.is_superuser
