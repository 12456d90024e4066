"""The translation status report is Wagtail's ReportView: the Reports menu item, the admin
page with its summary and map, CSV and XLSX downloads, a query count that does not grow
with the number of guidance pages."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.factories import GuidancePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("c", "c@example.org", "pw"))
    return client


@pytest.fixture
def translated(french_section, guidance):
    return guidance


def test_report_page_is_a_wagtail_report(translated, admin_client):
    response = admin_client.get(reverse("translation_status"))
    assert response.status_code == 200
    assert "wagtailadmin/reports/base_report.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Progress by language" in html
    assert 'data-language="fr" data-state="live"' in html
    assert 'data-language="es" data-state="missing"' in html
    assert "?export=csv" in html and "?export=xlsx" in html


def test_report_without_guidance_pages_says_so(site_tree, locales, admin_client):
    html = admin_client.get(reverse("translation_status")).content.decode()
    assert "There are no guidance pages yet." in html
    assert "Progress by language" in html


def test_csv_download_has_a_row_per_page_and_a_column_per_language(translated, admin_client):
    response = admin_client.get(reverse("translation_status"), {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="translation-status.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        ["English page", "Français", "Español", "العربية"],
        ["Being a good partner", "Live", "Missing", "Missing"],
    ]


def test_xlsx_download(translated, admin_client):
    response = admin_client.get(reverse("translation_status"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_queries_do_not_grow_with_the_number_of_pages(translated, site_tree, admin_client):
    url = reverse("translation_status")
    admin_client.get(url)  # warm the admin's per-user caches

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        return len(queries)

    before = count()
    for n in range(3):
        GuidancePageFactory(parent=site_tree.guidance, title=f"More guidance {n}")
    assert count() == before


def test_menu_item_only_for_those_who_may_see_the_report(
    translated, admin_client, client, django_user_model
):
    url = reverse("translation_status")
    assert url in admin_client.get(reverse("wagtailadmin_home")).content.decode()

    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
