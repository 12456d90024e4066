"""The moderation workflow set up by the data migration: editors submit, moderators
approve and publish."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from tests.factories_content import make_topic

pytestmark = pytest.mark.django_db


def make_user(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.lower(), f"{group_name}@x.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_workflow_covers_the_whole_tree_with_moderators_approving(site_tree):
    workflow = Workflow.objects.get(name="Editors submit, Moderators approve")
    assert workflow.active
    tasks = list(workflow.tasks.specific())
    assert [task.name for task in tasks] == ["Moderators approve"]
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["Moderators"]
    topic = make_topic(site_tree.topics)
    assert topic.get_workflow() == workflow
    assert Page.get_first_root_node().get_workflow() == workflow


def test_editors_can_edit_but_not_publish_and_moderators_can_publish(site_tree, django_user_model):
    topic = make_topic(site_tree.topics)
    editor = make_user(django_user_model, "Editors")
    moderator = make_user(django_user_model, "Moderators")
    editor_perms = topic.permissions_for_user(editor)
    moderator_perms = topic.permissions_for_user(moderator)
    assert editor_perms.can_edit() and not editor_perms.can_publish()
    assert moderator_perms.can_edit() and moderator_perms.can_publish()


def test_an_editor_submission_waits_for_a_moderator(site_tree, django_user_model):
    topic = make_topic(site_tree.topics)
    editor = make_user(django_user_model, "Editors")
    moderator = make_user(django_user_model, "Moderators")
    topic.title = "Revised title"
    revision = topic.save_revision(user=editor)
    state = topic.get_workflow().start(topic, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(topic, moderator)
    assert not task_state.task.specific.user_can_access_editor(topic, editor)
    assert not task_state.task.specific.get_actions(topic, editor)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    topic.refresh_from_db()
    assert topic.title == "Revised title"
    assert topic.live_revision_id == revision.pk
