"""Shared fixtures: a site tree built with the apps' factories, members and coordinators,
the content locales and translations, compiled interface catalogues, a clean cache, and
`module_data` for data a module's tests only read, built once per module (`demo`: the
demo site, loaded once per module)."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from members.factories import MemberProfileFactory, UserFactory
from tests.factories_content import (
    FRENCH_GUIDANCE,
    FRENCH_HOME,
    FRENCH_INDEX,
    make_home,
    make_site_tree,
)
from tests.uploads import gps_exif, image_bytes


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "slow: seconds each (the demo site, thousands of rows, subprocesses); "
        '`-m "not slow and not browser"` is the quick loop, `make test` runs everything',
    )


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """Compile locale/*.po when a .mo is missing or stale (make test compiles them too), so
    that running tests on their own renders the real translations."""
    for po in (settings.BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            call_command(
                "compilemessages",
                locale=[po.parent.parent.name],
                ignore_patterns=[".venv", "node_modules"],
                verbosity=0,
            )


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


# Data built once per module ----------------------------------------------------------


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """Build data once for the tests of a module that only read it (the demo site, large
    listings): `module_data(function, *args, **kwargs)` runs `function` with database access,
    executes the on-commit callbacks it schedules (as a real commit would), and returns its
    result.

    The whole module runs inside one transaction, opened here and rolled back after the
    module's last test; each test still runs in its own savepoint (pytest-django's
    `django_db`), so what a test writes is undone before the next one and what the module
    built stays. Only for non-transactional tests: a `transaction=True` test would flush the
    database under the open transaction."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()

    def build(function, *args, **kwargs):
        with django_db_blocker.unblock(), transaction.atomic():
            with TestCase.captureOnCommitCallbacks(execute=True):
                return function(*args, **kwargs)

    try:
        yield build
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


DEMO_ADMIN_PASSWORD = "demo-pass-123"


@pytest.fixture(scope="module")
def demo(module_data):
    """The demo site (load_demo), loaded once for the module that uses it (see
    `module_data`): tests read it, or write inside their own savepoint. The admin's
    password is DEMO_ADMIN_PASSWORD. Returns what load_demo printed. Not with `home` or
    `site_tree` in the same module: they replace the site's home page."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEMO_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
        module_data(call_command, "load_demo", stdout=out)
    return out.getvalue()


# The site tree -----------------------------------------------------------------------


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def site_tree(home):
    return make_site_tree(home)


# Members and staff -------------------------------------------------------------------


@pytest.fixture
def member(db):
    """A member with a complete, members-only profile."""
    # Sector and stage pinned: the factory cycles through them across the whole run, and the
    # directory filter tests must not depend on how many profiles earlier tests created.
    return MemberProfileFactory(
        display_name="Aroha Tane",
        country="NZ",
        institution="Te Puna",
        sector="school",
        career_stage="mid",
    )


@pytest.fixture
def other_member(db):
    return MemberProfileFactory(display_name="Kwame Asante", country="GH")


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


def staff_in(group_name):
    """A staff user in one of the groups the migrations create, with the permissions the
    migrations gave it (nothing granted here: a broken migration must fail the tests)."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def coordinator(db):
    return staff_in("Coordinators")


@pytest.fixture
def editor(db):
    return staff_in("Editors")


@pytest.fixture
def jpeg_with_gps():
    return SimpleUploadedFile("me-at-home.jpg", image_bytes(exif=gps_exif()), "image/jpeg")


# Locales and translations ------------------------------------------------------------


@pytest.fixture
def locales(db):
    """The content locales (English exists from Wagtail's migration)."""
    from wagtail.models import Locale

    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page through wagtail-localize's models (TranslationSource, Translation,
    StringTranslation, save_target), running the publish it schedules on commit."""
    from demo.translations import translate_page

    def _translate(page, language_code, strings, publish=True):
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate_page(page, language_code, strings, publish=publish)
        translated.refresh_from_db()
        return translated.specific

    return _translate


@pytest.fixture
def guidance(site_tree, locales):
    """An English guidance page with a heading, a paragraph and a link in rich text."""
    from demo.site import stream_from_spec
    from home.factories import GuidancePageFactory

    return GuidancePageFactory(
        parent=site_tree.guidance,
        title="Being a good partner",
        slug="being-a-good-partner",
        summary="Keep a rhythm.",
        about_partnerships=True,
        body=stream_from_spec(
            [
                ("heading", "Keep a rhythm"),
                ("paragraph", "Write every week."),
                ("paragraph", 'Read the <a href="https://example.org/">code of conduct</a>.'),
            ]
        ),
    )


@pytest.fixture
def french_section(site_tree, guidance, translate):
    """Live French translations of the home page, the guidance index and `guidance`."""
    return {
        "home": translate(site_tree.home, "fr", FRENCH_HOME),
        "index": translate(site_tree.guidance, "fr", FRENCH_INDEX),
        "guidance": translate(guidance, "fr", FRENCH_GUIDANCE),
    }
