"""The log-in rate limits behind the production proxy (issue #13, finding 11): counted per
client address (from the trusted proxy's X-Forwarded-For entry, not REMOTE_ADDR, which is
the proxy's for everybody) and per account."""

import pytest

from members.factories import MEMBER_PASSWORD, UserFactory
from tests.production_settings import production_values

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
TOO_MANY = "Too many failed login attempts"


@pytest.fixture
def behind_proxy(settings):
    """Production's client-address settings (the rest stays test settings)."""
    production = production_values()
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = production["ALLAUTH_TRUSTED_PROXY_COUNT"]
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = production["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"]
    return settings


def login(client, email, password, forwarded_for):
    return client.post(
        "/accounts/login/",
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_one_client_guessing_does_not_lock_out_the_others(client, behind_proxy):
    for attempt in range(12):
        login(client, f"nobody{attempt}@example.org", "wrong", "198.51.100.1")
    # That client is now limited...
    guesser = UserFactory()
    response = login(client, guesser.email, MEMBER_PASSWORD, "198.51.100.1")
    assert TOO_MANY in response.content.decode()
    # ...but another librarian behind the same proxy logs in.
    librarian = UserFactory()
    response = login(client, librarian.email, MEMBER_PASSWORD, "203.0.113.9")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == librarian.pk


def test_addresses_the_client_claims_are_not_trusted(client, behind_proxy):
    # The proxy appends the address it saw; whatever the client put before it is ignored.
    for attempt in range(12):
        login(client, f"nobody{attempt}@example.org", "wrong", f"192.0.2.{attempt}, 198.51.100.1")
    user = UserFactory()
    response = login(client, user.email, MEMBER_PASSWORD, "192.0.2.200, 198.51.100.1")
    assert TOO_MANY in response.content.decode()


def test_an_account_is_limited_whatever_address_the_guesses_come_from(client, behind_proxy):
    user = UserFactory()
    for attempt in range(5):
        login(client, user.email, "wrong", f"198.51.100.{attempt + 1}")
    response = login(client, user.email, MEMBER_PASSWORD, "203.0.113.50")
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_production_trusts_one_proxy_unless_told_otherwise():
    assert production_values()["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
    assert production_values(DJANGO_TRUSTED_PROXY_COUNT="0")["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    header = production_values(DJANGO_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert header["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] == "X-Real-IP"
