"""Demo translations, made through wagtail-localize's own models so that they behave in the
admin exactly like translations made by a translator in synced mode: a TranslationSource
for the English page, a Translation per locale, a StringTranslation per segment.

French and Spanish get the whole guidance section, the home page and the site texts (call
to apply, footer); Arabic gets the home page, part of the site texts and part of the
guidance, in every state the translation status report knows (live,
draft, outdated, missing). Idempotent: a page that already has a translation in a locale
is left alone."""

import html

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from core.models import SiteTexts
from home.models import GuidanceIndexPage, GuidancePage, HomePage

from . import site_content, translation_content


def _synced_translation(instance, language_code, strings, user):
    """The wagtail-localize Translation of `instance` into `language_code`, with each of its
    segments found in `strings` ({English text: translation}) translated."""
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(html.unescape(segment.string.data))
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": _as_segment_data(text, like=segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    return translation


def translate_page(source_page, language_code, strings, *, publish=True, user=None):
    """Create the synced translation of `source_page` into `language_code`, translating each
    of its segments found in `strings` ({English text: translation}); segments not found
    stay untranslated (they show the English text until translated). Returns the page."""
    translation = _synced_translation(source_page, language_code, strings, user)
    # Publish here rather than through save_target(publish=True), which defers it to the end
    # of the transaction with a page copy taken now: translating a parent and then its
    # children in one transaction would publish the parent's stale tree fields (numchild).
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    if publish:
        page.get_latest_revision().publish(user=user)
        page.refresh_from_db()
    return page


def translate_snippet(source, language_code, strings, *, user=None):
    """Create the synced translation of the snippet `source` (like translate_page; snippets
    have no drafts here, so it is saved as it is). Returns the translated snippet."""
    translation = _synced_translation(source, language_code, strings, user)
    translation.save_target(user=user)
    return translation.get_target_instance()


def _as_segment_data(text, like):
    """Rich text segments keep their inline markup (<a id="a1">…</a>); plain ones are
    stored escaped, as wagtail-localize stores them."""
    return text if "<" in like else StringValue.from_plaintext(text).data


def pair_strings(english, translated):
    """{English text: translation} from two values of the same shape (str, list, tuple,
    dict), so the data module can mirror demo_data's structure."""
    if isinstance(english, str):
        return {english: translated}
    pairs = {}
    if isinstance(english, dict):
        for key, value in english.items():
            if key in translated:
                pairs.update(pair_strings(value, translated[key]))
    elif isinstance(english, list | tuple):
        for en_item, tr_item in zip(english, translated, strict=True):
            pairs.update(pair_strings(en_item, tr_item))
    return pairs


def _html_paragraphs(value):
    """The paragraphs of demo_data's small HTML strings, as wagtail-localize segments them."""
    return [part.replace("</p>", "").strip() for part in value.split("<p>") if part.strip()]


def build_site_texts(ctx):
    """The English SiteTexts (the source), then its translations."""
    texts = SiteTexts.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if texts is None:
        texts = SiteTexts.objects.create(
            locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE),
            **_english_site_texts(),
        )
        ctx.count("site texts")
    for language_code, data in translation_content.TEXTS.items():
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None or "site_texts" not in data or texts.has_translation(locale):
            continue
        translate_snippet(
            texts, language_code, pair_strings(_english_site_texts(), data["site_texts"])
        )
        ctx.count(f"site texts ({language_code})")


def _english_site_texts():
    return {
        "application_title": site_content.APPLICATION_CTA["title"],
        "application_text": site_content.APPLICATION_CTA["text"],
        "footer_text": translation_content.ENGLISH_FOOTER_TEXT,
    }


def build_translations(ctx):
    build_site_texts(ctx)
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    index = GuidanceIndexPage.objects.child_of(home).first()
    guidance = {page.slug: page for page in GuidancePage.objects.child_of(index)} if index else {}

    for language_code, plan in translation_content.PLAN.items():
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            continue
        texts = translation_content.TEXTS[language_code]
        jobs = [(home, _home_strings(texts), True)]
        if index is not None and "guidance_index" in texts:
            jobs.append((index, _index_strings(texts), True))
        for slug, state in plan.items():
            if slug in guidance and slug in texts["guidance"]:
                strings = _guidance_strings(slug, texts["guidance"][slug])
                if state == "outdated":
                    # As if the English page gained its last segment after this translation:
                    # it stays untranslated until a translator catches up.
                    strings.pop(_last_segment_text(slug), None)
                jobs.append((guidance[slug], strings, state != "draft"))
        for page, strings, publish in jobs:
            if page.has_translation(locale):
                continue
            translate_page(page, language_code, strings, publish=publish)
            ctx.count(f"translation ({language_code})")


def _home_strings(texts):
    data = texts["home"]
    strings = {
        site_content.HOME["title"]: data["title"],
        site_content.HOME["hero_title"]: data["hero_title"],
        site_content.HOME["hero_text"]: data["hero_text"],
    }
    strings.update(
        pair_strings(
            _html_paragraphs(site_content.HOME["introduction"]),
            _html_paragraphs(data["introduction"]),
        )
    )
    return strings


def _index_strings(texts):
    data = texts["guidance_index"]
    return {
        "Guidance": data["title"],
        **pair_strings(
            _html_paragraphs(site_content.GUIDANCE_INTRO), _html_paragraphs(data["introduction"])
        ),
    }


def _english_guidance(slug):
    return next(item for item in site_content.GUIDANCE if item["slug"] == slug)


def _guidance_strings(slug, translated):
    english = _english_guidance(slug)
    return pair_strings(
        {key: english[key] for key in ("title", "summary", "body")},
        {key: translated[key] for key in ("title", "summary", "body")},
    )


def _last_segment_text(slug):
    kind, value = _english_guidance(slug)["body"][-1]
    return value if isinstance(value, str) else value[-1]
