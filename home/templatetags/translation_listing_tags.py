"""The admin's page listings show, beside each English page, which translations are
missing or still drafts (templates/wagtailadmin/pages/listing/_page_title_explore.html)."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import localization

register = template.Library()


def _states_for_listing(request, parent_id):
    """{translation_key: {language code: live?}} for the translations of every child of
    `parent_id`: one query per listing, remembered on the request."""
    memo = getattr(request, "_translation_listing", None)
    if memo is None:
        memo = request._translation_listing = {}
    if parent_id not in memo:
        parent = Page.objects.filter(pk=parent_id).only("path", "depth").first()
        keys = parent.get_children().values("translation_key") if parent else []
        states = {}
        rows = Page.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale__language_code", "live", "alias_of_id"
        )
        for key, code, live, alias_of in rows:
            # An untranslated alias (wagtail-localize's placeholder) is no translation.
            if alias_of is None:
                states.setdefault(key, {})[code] = live
        memo[parent_id] = states
    return memo[parent_id]


@register.simple_tag(takes_context=True)
def translation_gaps(context, page):
    """[(language name, "missing" | "draft")] for an English page, in the site's language
    order; nothing for other locales and for English-only page types (stories, the
    discussion archive)."""
    request = context.get("request")
    default = settings.LANGUAGE_CODE
    if (
        request is None
        or not isinstance(page, Page)
        or page.is_root()
        or page.locale.language_code != default
        or localization.is_english_only(page)
    ):
        return []
    states = _states_for_listing(request, page.get_parent().pk).get(page.translation_key, {})
    gaps = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default:
            continue
        if code not in states:
            gaps.append((code, name, _("missing")))
        elif not states[code]:
            gaps.append((code, name, _("draft")))
    return gaps
