"""Checking a PO file uploaded by a translator before wagtail-localize imports it.

wagtail-localize's own upload view accepts a file without its translation ID (a 500),
and stores strings whose HTML placeholders were broken (they then silently fall back to
English). Here the whole file is checked first: either every string is imported, or
nothing is and the translator gets a list of what to fix."""

import contextlib
import os
import tempfile

import polib
from django.utils.translation import gettext as _
from wagtail_localize.strings import StringValue, extract_ids

MAX_PO_SIZE = 2 * 1024 * 1024
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


class POFileError(Exception):
    """The upload cannot be imported; `messages` says why, for the translator."""

    def __init__(self, messages):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = list(messages)


def parse_po_upload(uploaded_file, translation):
    """The polib.POFile for `uploaded_file` if it is a valid PO file exported for
    `translation` with intact placeholders; raises POFileError otherwise."""
    if uploaded_file is None:
        raise POFileError([_("Choose a PO file to upload.")])
    if uploaded_file.size > MAX_PO_SIZE:
        raise POFileError([_("This file is too large to be a PO file of one page.")])
    po = _read_po(uploaded_file.read())
    if po.metadata.get(TRANSLATION_ID_HEADER) is None:
        raise POFileError(
            [_("This is not a PO file downloaded from this site: its translation ID is missing.")]
        )
    if po.metadata[TRANSLATION_ID_HEADER] != str(translation.uuid):
        raise POFileError(
            [
                _(
                    "This PO file was downloaded for another page or language. Download the "
                    "PO file of this translation and translate that one."
                )
            ]
        )
    errors = [error for entry in po if (error := _entry_error(entry))]
    if errors:
        raise POFileError(errors)
    return po


def _read_po(content):
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise POFileError([_("Please upload a valid PO file (UTF-8 text).")]) from error
    # polib reads a *path* when given a string that names an existing file, so the upload is
    # always handed over as a file of its own.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise POFileError([_("Please upload a valid PO file.")]) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def _entry_error(entry):
    """Why a translated string cannot be used, or None."""
    if not entry.msgstr:
        return None
    line = entry.linenum
    try:
        StringValue.from_translated_html(entry.msgstr)
    except ValueError as error:
        return _("Line %(line)s: %(error)s") % {"line": line, "error": error}
    if extract_ids(entry.msgid) != extract_ids(entry.msgstr):
        return _(
            'Line %(line)s: keep every link placeholder of the original (<a id="…">) '
            "exactly once, and add no new one."
        ) % {"line": line}
    return None
