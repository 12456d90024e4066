"""Stories in a member's data rights: their submissions in the data export, and on account
deletion their unpublished submissions removed and their partner entries anonymised."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from wagtail.search import index

from members import photos
from members.data_rights import FORMER_MEMBER_NAME, register_erasure, register_export_section

from .models import PartnerNaming, StoryPartner, StorySubmission
from .submissions import submission_status


@register_export_section("stories")
def export_stories(user):
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


@register_export_section("story_naming")
def export_story_naming(user):
    """Whether the member agreed to be named in public stories (None: not asked yet)."""
    decision = PartnerNaming.objects.filter(profile__user=user).first()
    if decision is None:
        return None
    return {"agreed": decision.agreed, "decided_at": decision.decided_at.isoformat()}


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


@register_erasure
def erase_stories(user, profile):
    """Unpublished submissions go. Published stories stay (their text belongs to the
    network's record) and show the author as "former member": StorySubmission.submitter
    becomes NULL with the user, and partner entries linked to the profile lose the name,
    institution and link."""
    for submission in StorySubmission.objects.filter(submitter=user).select_related("page"):
        page = submission.page
        if page.live or page.first_published_at:
            continue
        photo = page.photo
        page.delete()
        photos.delete_photo(photo)
    if profile is not None:
        _anonymise_partner_entries(profile)
