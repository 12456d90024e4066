"""The translation status report (Reports -> Translation status): Wagtail's ReportView over
the English guidance pages, with CSV and XLSX downloads. Thin: the report is built in
translation_status.py."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView

from . import translation_status

REPORT_PERMISSION = "wagtail_localize.submit_translation"


def user_can_see_translation_report(user):
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


class TranslationStatusView(ReportView):
    results_template_name = "home/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status"
    paginate_by = None  # one row per guidance page; the summary counts them all
    export_filename = "translation-status"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_translation_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return translation_status.source_pages()

    @cached_property
    def report(self):
        return translation_status.build_report(self.object_list)

    def decorate_paginated_queryset(self, object_list):
        return self.report.rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report
        return context

    @cached_property
    def list_export(self):
        return ["source.title"] + [f"states.{code}" for code, _name in self.languages]

    @cached_property
    def export_headings(self):
        headings = {f"states.{code}": name for code, name in self.languages}
        return {"source.title": gettext_lazy("English page"), **headings}

    @cached_property
    def languages(self):
        return translation_status.target_languages()
