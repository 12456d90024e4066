"""The gettext catalogues are complete: running makemessages on the current code adds no
string without a translation in French, Spanish or Arabic, and every catalogue compiles
with its placeholders intact. `make messages-check` runs this test; `make messages-update`
regenerates locale/ (then translate what it added)."""

import shutil
import subprocess

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

MAKEMESSAGES_IGNORE = [".venv", "staticfiles", "media", "node_modules", "locale", "tests", "bench"]
TRANSLATED_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def regenerated_catalogues(tmp_path_factory):
    """A copy of locale/ updated by makemessages from the current code (the real catalogues
    are left untouched).

    makemessages writes a file's strings to the locale directory beside the tree it
    lives in, and always counts ./locale: run in the project itself, it would update the
    real catalogues and leave the copy stale. So it runs in a mirror of the project: the
    copy of locale/ beside links to everything else."""
    mirror = tmp_path_factory.mktemp("messages")
    locale_copy = mirror / "locale"
    shutil.copytree(settings.BASE_DIR / "locale", locale_copy)
    for entry in settings.BASE_DIR.iterdir():
        if entry.name != "locale" and not entry.name.startswith("."):
            (mirror / entry.name).symlink_to(entry)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(mirror)
        patch.setattr(settings, "LOCALE_PATHS", [locale_copy])
        call_command(
            "makemessages",
            locale=TRANSLATED_LANGUAGES,
            ignore_patterns=MAKEMESSAGES_IGNORE,
            symlinks=True,
            verbosity=0,
        )
    return locale_copy


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated(regenerated_catalogues, language):
    po = polib.pofile(str(regenerated_catalogues / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100, "makemessages found no strings: is the project root right?"
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], (
        f"{len(untranslated)} new string(s) without a {language} translation; run "
        f"`make messages-update` and translate them in locale/{language}/LC_MESSAGES/django.po"
    )
    assert fuzzy == [], f"fuzzy {language} translations to review: {fuzzy}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_compiles_with_placeholders_intact(language):
    po_file = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po_file)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
