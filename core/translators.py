"""The Translators group: it may translate pages into every locale but English, and submit
those translations to the moderation workflow; it cannot edit or publish the English source.

Wagtail's page permissions apply to a page tree, and each locale has its own tree (the home
page's translation at depth 2), so the group holds add/change permissions on the root of
every non-English tree: granted by migration for existing trees and by a signal
receiver (grant_translators_on_new_locale_tree) when a new locale's home page is created."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

TRANSLATORS_GROUP = "Translators"
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def is_translated_tree_root(page):
    return page.depth == 2 and page.locale.language_code != settings.LANGUAGE_CODE


def grant_translator_permissions(tree_root):
    """Let Translators add and edit (not publish) pages in `tree_root`'s locale tree."""
    group, _ = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=Page.objects.get(pk=tree_root.pk), permission=permission
        )
