"""The translation status report in the admin's Reports menu; the editors' "Submit for
moderation" action."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "reports/translation-status/",
            views.TranslationStatusView.as_view(),
            name="translation_status",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return views.user_can_see_translation_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=900,
    )


class SubmitForModerationItem(SubmitForModerationMenuItem):
    """Wagtail labels the action "Submit to <workflow name>" ("Submit to Editors submit,
    Moderators approve"); editors read "Submit for moderation" ("Resubmit for moderation"
    after changes were requested)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit for moderation")
        else:
            context["label"] = _("Submit for moderation")
        return context


@hooks.register("construct_page_action_menu")
def plain_submit_label(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitForModerationItem(order=item.order)
