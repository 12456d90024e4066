"""A member's rights over their data: download everything, delete the account.

Other apps add their own records to the export with `register_export_section`::

    from members.data_rights import register_export_section

    @register_export_section("applications")
    def export_applications(user):
        return [{"round": ..., "submitted_at": ...} for ... in ...]

Sections must return JSON-serialisable data. `applications` is always present (an empty
list until the programme app contributes it), so consumers can rely on the key."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.search import index

from . import photos
from .models import StoryPartner, StorySubmission
from .profiles import MemberProfile
from .submissions import submission_status

EXPORT_FORMAT_VERSION = 1
# Stored, not translated: it replaces a person's name in the story's data.
FORMER_MEMBER_NAME = "Former member"
_export_sections = {}


def register_export_section(key):
    def decorator(function):
        _export_sections[key] = function
        return function

    return decorator


def export_member_data(user, request=None):
    profile = MemberProfile.objects.filter(user=user).first()
    data = {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": _account(user),
        "profile": _profile(profile, request) if profile else None,
        "applications": [],
        "stories": _stories(user),
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


def _profile(profile, request):
    photo_url = None
    if profile.photo_id:
        photo_url = profile.photo.file.url
        if request is not None:
            photo_url = request.build_absolute_uri(photo_url)
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
        "photo": photo_url,
        "created_at": profile.created_at.isoformat(),
        "updated_at": profile.updated_at.isoformat(),
    }


def _stories(user):
    stories = []
    submissions = StorySubmission.objects.filter(submitter=user).select_related("page")
    for submission in submissions.prefetch_related("page__partners"):
        page = submission.page
        stories.append(
            {
                "title": page.title,
                "status": submission_status(page),
                "submitted_at": submission.submitted_at.isoformat(),
                "year": page.year,
                "round": page.round_label,
                "partners": [
                    {
                        "name": partner.name,
                        "country": partner.country.code,
                        "institution": partner.institution,
                    }
                    for partner in page.partners.all()
                ],
                "text": [
                    block.value.source for block in page.body if block.block_type == "paragraph"
                ],
                "url": page.full_url if page.live else None,
            }
        )
    return stories


@transaction.atomic
def delete_member(user):
    """Remove the member's account, profile, photo and unpublished submissions.

    Published stories stay (their text belongs to the network's record) and show the
    author as "former member": StorySubmission.submitter becomes NULL with the user, and
    partner entries linked to the profile lose the name, institution and link. Nothing of
    other members is touched."""
    profile = MemberProfile.objects.filter(user=user).select_related("photo").first()
    for submission in StorySubmission.objects.filter(submitter=user).select_related("page"):
        page = submission.page
        if page.live or page.first_published_at:
            continue
        photo = page.photo
        page.delete()
        photos.delete_photo(photo)
    if profile is not None:
        _anonymise_partner_entries(profile)
        photo = profile.photo
        profile.delete()
        photos.delete_photo(photo)
    user.delete()


def _anonymise_partner_entries(profile):
    """Stories that stay name the member's partner entries "Former member", without
    institution or link, in the pages and in every revision: an editor editing the story
    later starts from its latest revision, which would otherwise bring the name back."""
    partners = StoryPartner.objects.filter(member=profile)
    page_ids = [str(pk) for pk in partners.values_list("page_id", flat=True).distinct()]
    partners.update(name=FORMER_MEMBER_NAME, institution="", member=None)
    revisions = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids
    )
    for revision in revisions:
        entries = [
            entry
            for entry in revision.content.get("partners", [])
            if entry.get("member") == profile.pk
        ]
        for entry in entries:
            entry.update(name=FORMER_MEMBER_NAME, institution="", member=None)
        if entries:
            revision.save(update_fields=["content"])
    # The search index holds partner names too.
    for page in Page.objects.filter(pk__in=page_ids).specific():
        index.insert_or_update_object(page)
