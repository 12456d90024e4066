"""What editors see in the admin: the workflow action reads "Submit for moderation", no
Gravatar request."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_the_workflow_action_reads_submit_for_moderation(client, editor, guidance):
    assert guidance.get_workflow() is not None  # Wagtail would say "Submit to <workflow>"
    client.force_login(editor)
    response = client.get(f"/admin/pages/{guidance.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Submit for moderation" in html
    assert "Submit to " not in html


def test_no_gravatar_request_in_the_admin(client, editor, guidance):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    client.force_login(editor)
    html = client.get(f"/admin/pages/{guidance.pk}/edit/").content.decode()
    assert "gravatar" not in html.lower()
