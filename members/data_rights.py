"""A member's rights over their data: download everything, delete the account.

Other apps add their own records to the export with `register_export_section`::

    from members.data_rights import register_export_section

    @register_export_section("applications")
    def export_applications(user):
        return [{"round": ..., "submitted_at": ...} for ... in ...]

Sections must return JSON-serialisable data. `applications` is always present (an empty
list until the programme app contributes it), so consumers can rely on the key.

Apps that keep records about a member erase them when the account is deleted with
`register_erasure`: each function gets the user and their profile (or None) before the
profile and account are removed, inside the same transaction::

    @register_erasure
    def withdraw_applications(user, profile):
        ..."""

import base64
import mimetypes
from pathlib import PurePosixPath

from django.db import transaction
from django.utils import timezone

from . import photos
from .models import MemberProfile

EXPORT_FORMAT_VERSION = 1
# Stored, not translated: it replaces a person's name in records that stay.
FORMER_MEMBER_NAME = "Former member"
_export_sections = {}
_erasures = []


def register_export_section(key):
    def decorator(function):
        _export_sections[key] = function
        return function

    return decorator


def register_erasure(function):
    _erasures.append(function)
    return function


def export_member_data(user, request=None):
    profile = MemberProfile.objects.filter(user=user).first()
    data = {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": _account(user),
        "profile": _profile(profile, request) if profile else None,
        "applications": [],
    }
    for key, section in _export_sections.items():
        data[key] = section(user)
    return data


def _account(user):
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def _photo(profile):
    """The member's photo itself (as stored: re-encoded, without metadata), in base64."""
    if not profile.photo:
        return None
    try:
        with photos.member_photo_storage.open(profile.photo.name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return None
    filename = PurePosixPath(profile.photo.name).name
    return {
        "filename": filename,
        "content_type": mimetypes.guess_type(filename)[0] or "application/octet-stream",
        "data_base64": base64.b64encode(data).decode("ascii"),
    }


def _profile(profile, request):
    return {
        "display_name": profile.display_name,
        "country": profile.country.code,
        "city": profile.city,
        "institution": profile.institution,
        "sector": profile.sector,
        "role": profile.role,
        "career_stage": profile.career_stage,
        "interests": sorted(profile.interests.names()),
        "languages": profile.languages,
        "time_zone": profile.time_zone,
        "bio": profile.bio,
        "website": profile.website,
        "social_handle": profile.social_handle,
        "visibility": profile.visibility,
        "accepts_messages": profile.accepts_messages,
        "photo": _photo(profile),
        "created_at": profile.created_at.isoformat(),
        "updated_at": profile.updated_at.isoformat(),
    }


@transaction.atomic
def delete_member(user):
    """Remove the member's account, profile and photo, after every app erased or anonymised
    its own records of them (register_erasure). Nothing of other members is touched."""
    profile = MemberProfile.objects.filter(user=user).first()
    for erase in _erasures:
        erase(user, profile)
    if profile is not None:
        photo_name = profile.photo.name
        profile.delete()
        # The photo and its variants, once the deletion commits.
        photos.delete_member_photo_files(photo_name)
    user.delete()
