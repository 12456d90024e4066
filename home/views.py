"""The translation status report (Reports -> Translation status). Thin: the report is
built in translation_status.py."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import translation_status

REPORT_PERMISSION = "wagtail_localize.submit_translation"


def user_can_see_translation_report(user):
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_translation_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = translation_status.build_report()
        return context
