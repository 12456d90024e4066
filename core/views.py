"""Admin views of the translation workflow that replace wagtail-localize's own at the same
URLs (see core/patches.py): a checked PO upload, and "Translate this page" refused
for English-only page types. Thin: the checks live in po_files.py and localization.py."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views import submit_translations
from wagtail_localize.views.edit_translation import user_can_edit_instance

from . import localization
from .po_files import POFileError, parse_po_upload


def _save_draft_revision(translation, user):
    """A new draft revision of the translated page with the imported strings. Unlike
    wagtail-localize's save_target(publish=False), the live page is left untouched until a
    moderator approves the draft."""
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    page.save_revision(user=user)


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload (same URL and form), refusing the whole file with
    clear messages when it is not a PO file, is for another translation or has broken
    placeholders. A valid file becomes a new draft of the translated page, for moderation."""
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied

    try:
        po = parse_po_upload(request.FILES.get("file"), translation)
    except POFileError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        try:
            with transaction.atomic():
                translation.import_po(po, user=request.user, tool_name="PO File")
                _save_draft_revision(translation, request.user)
        except ValidationError as error:
            messages.error(
                request, _("The page could not be saved: %s") % "; ".join(error.messages)
            )
        else:
            messages.success(request, _("Successfully imported translations from PO File."))

    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """wagtail-localize's "Translate this page" (same URL), refused for the page types only
    published in English (discussions, partner stories); translating a section with its
    subpages skips them and everything under them."""

    def get_object(self):
        page = super().get_object()
        if localization.is_english_only(page):
            raise PermissionDenied
        return page

    def form_valid(self, form):
        include_subtree = form.cleaned_data.get("include_subtree")
        form.cleaned_data["include_subtree"] = False
        response = super().form_valid(form)
        if include_subtree:
            translate_translatable_subtree(
                self.object, form.cleaned_data["locales"], self.components, self.request.user
            )
        return response


def translate_translatable_subtree(page, locales, components, user):
    """wagtail-localize's translate_page_subtree without the English-only pages."""
    creator = TranslationCreator(user, locales)

    def walk(parent):
        for child in parent.get_children():
            if localization.is_english_only(child):
                continue
            creator.create_translations(child)
            if child.numchild:
                walk(child)

    walk(page)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)
