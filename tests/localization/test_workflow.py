"""The editorial workflow: synced translations through wagtail-localize, sync after a source
change, PO download/upload, and what the Translators group may do."""

import polib
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.translators import TRANSLATORS_GROUP
from home.translation_status import OUTDATED, build_report
from tests.factories_content import FRENCH_GUIDANCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("coordinator", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user("traductrice", "t@example.org", "pw")
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    client.force_login(user)
    return user


def test_a_translation_starts_as_a_synced_draft_with_the_source_slug(guidance, translate):
    french = translate(guidance, "fr", FRENCH_GUIDANCE, publish=False)

    assert french.locale.language_code == "fr"
    assert french.translation_key == guidance.translation_key
    assert not french.live
    assert french.title == "Être un bon partenaire"
    assert french.slug == guidance.slug  # synchronised, not translated
    assert french.about_partnerships is True
    translation = Translation.objects.get(target_locale__language_code="fr")
    assert translation.enabled  # synced mode: edited through wagtail-localize's editor
    assert translation.source.get_source_instance().pk == guidance.pk


def test_sync_after_a_source_change_shows_exactly_the_changed_segments(
    guidance, translate, admin_client, django_capture_on_commit_callbacks
):
    translate(guidance, "fr", FRENCH_GUIDANCE)
    # An editor rewrites one paragraph; the other blocks keep their ids (and translations).
    blocks = [dict(block) for block in guidance.body.raw_data]
    blocks[1]["value"] = "<p>Write every fortnight.</p>"
    guidance.body = blocks
    guidance.save_revision().publish()
    source = TranslationSource.objects.get(object_id=guidance.translation_key)

    assert build_report().rows[0].source_changed_since_sync

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Write every fortnight." in strings
    assert "Write every week." not in strings
    translated = {
        segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related("string")
        if StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale__language_code="fr"
        ).exists()
    }
    assert "Keep a rhythm" in translated  # unchanged segments keep their translation
    assert "Write every fortnight." not in translated  # the change awaits the translator
    french = Page.objects.get(translation_key=guidance.translation_key, locale__language_code="fr")
    assert "Write every fortnight." in str(french.specific.body)  # English until translated
    cell = build_report().rows[0].cells[0]
    assert (cell.state, cell.untranslated_segments) == (OUTDATED, 1)


def _download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode("utf-8"))


def _upload(client, translation, content, name="translation.po"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, content), "next": "/admin/"},
        follow=True,
    )


def test_po_round_trip_changes_the_translated_page(guidance, translate, admin_client):
    french = translate(guidance, "fr", FRENCH_GUIDANCE)
    translation = Translation.objects.get(target_locale__language_code="fr")
    po = _download_po(admin_client, translation)
    entry = next(e for e in po if e.msgid == "Being a good partner")
    assert entry.msgstr == "Être un bon partenaire"
    entry.msgstr = "Être une bonne partenaire"

    response = _upload(admin_client, translation, str(po).encode("utf-8"))

    assert "Successfully imported translations" in response.content.decode()
    french.refresh_from_db()
    assert french.get_latest_revision_as_object().title == "Être une bonne partenaire"
    assert french.title == "Être un bon partenaire"  # live until the draft is approved


def _po_for_another_translation(client, guidance, translate):
    translate(guidance, "es", {"Being a good partner": "Ser un buen compañero"})
    return str(_download_po(client, Translation.objects.get(target_locale__language_code="es")))


def _po_with_broken_link_placeholder(client, translation):
    po = _download_po(client, translation)
    entry = next(e for e in po if 'id="a1"' in e.msgid)
    entry.msgstr = "Lisez le code de conduite."  # the <a id="a1"> placeholder is gone
    return str(po)


@pytest.mark.parametrize(
    "kind, message",
    [
        ("not a po file", "Please upload a valid PO file"),
        ("empty file", "translation ID is missing"),
        ("another translation", "downloaded for another page or language"),
        ("broken placeholder", "keep every link placeholder"),
        ("bad html", "tag is not allowed"),
    ],
)
def test_a_bad_po_upload_is_rejected_and_changes_nothing(
    guidance, translate, admin_client, kind, message
):
    translate(guidance, "fr", FRENCH_GUIDANCE)
    translation = Translation.objects.get(target_locale__language_code="fr")
    if kind == "not a po file":
        content = b"\x89PNG\r\n\x1a\n\x00\x00binary"
    elif kind == "empty file":
        content = b""
    elif kind == "another translation":
        content = _po_for_another_translation(admin_client, guidance, translate).encode()
    elif kind == "broken placeholder":
        content = _po_with_broken_link_placeholder(admin_client, translation).encode()
    else:
        po = _download_po(admin_client, translation)
        entry = next(e for e in po if e.msgid == "Keep a rhythm")
        entry.msgstr = '<div onclick="steal()">Garder le rythme</div>'  # block tag, attribute
        content = str(po).encode()
    before = sorted(StringTranslation.objects.values_list("id", "data"))
    revisions = Page.objects.get(pk=translation.get_target_instance().pk).revisions.count()

    response = _upload(admin_client, translation, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert sorted(StringTranslation.objects.values_list("id", "data")) == before
    assert Page.objects.get(pk=translation.get_target_instance().pk).revisions.count() == revisions


def test_an_upload_without_a_file_is_rejected(guidance, translate, admin_client):
    translate(guidance, "fr", FRENCH_GUIDANCE)
    translation = Translation.objects.get(target_locale__language_code="fr")
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), follow=True
    )
    assert "Choose a PO file to upload." in response.content.decode()


def test_translator_cannot_edit_or_publish_the_english_source(
    french_section, guidance, translator, client
):
    policy = PagePermissionPolicy()
    french = french_section["guidance"]

    assert not guidance.permissions_for_user(translator).can_edit()
    assert not guidance.permissions_for_user(translator).can_publish()
    assert french.permissions_for_user(translator).can_edit()
    assert not french.permissions_for_user(translator).can_publish()
    editable = policy.instances_user_has_permission_for(translator, "change")
    assert french.pk in editable.values_list("pk", flat=True)
    assert guidance.pk not in editable.values_list("pk", flat=True)

    # Refused: Wagtail's admin redirects to its dashboard (PermissionDenied).
    edit_english = client.get(reverse("wagtailadmin_pages:edit", args=[guidance.pk]))
    assert (edit_english.status_code, edit_english["Location"]) == (302, "/admin/")
    publish = client.post(
        reverse("wagtailadmin_pages:edit", args=[guidance.pk]),
        {"title": "Hijacked", "slug": guidance.slug, "action-publish": "publish"},
    )
    assert (publish.status_code, publish["Location"]) == (302, "/admin/")
    guidance.refresh_from_db()
    assert guidance.title == "Being a good partner"
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).status_code == 200


def test_translators_get_rights_on_a_new_locale_tree(site_tree, locales, translate):
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    spanish_home = translate(site_tree.home, "es", {"ILN Portal": "Portal ILN"})

    codenames = set(
        group.page_permissions.filter(page=spanish_home).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}
    assert not group.page_permissions.filter(page=site_tree.home).exists()
    assert group.permissions.filter(codename="submit_translation").exists()
