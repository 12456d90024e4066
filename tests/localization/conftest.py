import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """Compile locale/*.po when a .mo is missing or stale (make test compiles them too), so
    that running these tests on their own renders the real translations."""
    for po in (settings.BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            call_command(
                "compilemessages",
                locale=[po.parent.parent.name],
                ignore_patterns=[".venv", "node_modules"],
                verbosity=0,
            )


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


FRENCH_HOME = {"ILN Portal": "Portail ILN"}
FRENCH_INDEX = {"Guidance": "Guide"}
FRENCH_GUIDANCE = {
    "Being a good partner": "Être un bon partenaire",
    "Keep a rhythm.": "Gardez le rythme.",
    "Keep a rhythm": "Garder le rythme",
    "Write every week.": "Écrivez chaque semaine.",
    'Read the <a id="a1">code of conduct</a>.': 'Lisez le <a id="a1">code de conduite</a>.',
}


@pytest.fixture
def french_section(site_tree, guidance, translate):
    """Live French translations of the home page, the guidance index and `guidance`."""
    return {
        "home": translate(site_tree.home, "fr", FRENCH_HOME),
        "index": translate(site_tree.guidance, "fr", FRENCH_INDEX),
        "guidance": translate(guidance, "fr", FRENCH_GUIDANCE),
    }
