"""The translation status report: every guidance page × locale with its state."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.translators import TRANSLATORS_GROUP
from home.factories import GuidancePageFactory
from home.translation_status import DRAFT, LIVE, MISSING, OUTDATED, build_report
from tests.factories_content import FRENCH_GUIDANCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(french_section, guidance, site_tree, translate):
    """Page 1: fr live, es draft, ar outdated (a segment untranslated); page 2: only fr,
    published at the English end after the last sync (outdated), missing elsewhere."""
    translate(guidance, "es", {"Being a good partner": "Ser un buen compañero"}, publish=False)
    partial = dict(FRENCH_GUIDANCE)
    partial.pop("Write every week.")
    translate(guidance, "ar", partial)
    faq = GuidancePageFactory(parent=site_tree.guidance, title="FAQ", slug="faq")
    translate(faq, "fr", {"FAQ": "Foire aux questions"})
    faq.title = "Frequently asked questions"
    faq.save_revision().publish()
    return guidance, faq


def states(report):
    return [[(cell.language_code, cell.state) for cell in row.cells] for row in report.rows]


def test_report_states_and_percentages(mapped, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        report = build_report()

    assert [row.source.slug for row in report.rows] == ["being-a-good-partner", "faq"]
    assert states(report) == [
        [("fr", LIVE), ("es", DRAFT), ("ar", OUTDATED)],
        [("fr", OUTDATED), ("es", MISSING), ("ar", MISSING)],
    ]
    assert report.rows[0].cells[0].untranslated_segments == 0
    assert report.rows[0].cells[2].untranslated_segments == 1
    assert report.rows[1].source_changed_since_sync
    assert not report.rows[0].source_changed_since_sync
    assert {s.language_code: s.percent for s in report.locales} == {"fr": 50, "es": 0, "ar": 0}


def test_a_missing_translation_that_appears_turns_the_cell_draft(mapped, translate):
    _guidance, faq = mapped
    translate(faq, "es", {}, publish=False)
    assert states(build_report())[1][1] == ("es", DRAFT)


def test_report_page_for_coordinators_and_translators(mapped, client, django_user_model):
    url = reverse("translation_status")
    assert client.get(url).status_code == 302  # anonymous: to the admin login

    coordinator = django_user_model.objects.create_superuser("coord", "c@example.org", "pw")
    client.force_login(coordinator)
    html = client.get(url).content.decode()
    assert 'data-language="ar" data-state="outdated"' in html
    assert 'data-language="es" data-state="missing"' in html
    assert "50%" in html
    assert reverse("wagtail_localize:submit_page_translation", args=[mapped[1].pk]) in html

    translator = django_user_model.objects.create_user("trad", "t@example.org", "pw")
    translator.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    client.force_login(translator)
    assert client.get(url).status_code == 200


def test_report_is_refused_to_admin_users_without_translation_rights(
    mapped, client, django_user_model
):
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("translation_status"))
    # Refused: Wagtail's admin redirects to its dashboard (PermissionDenied).
    assert (response.status_code, response["Location"]) == (302, "/admin/")
