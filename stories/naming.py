"""Who a partner story names, and to whom (issue #13, finding 9).

A partner linked to a member profile is named publicly when the profile is public, or when
the member agreed (stories.models.PartnerNaming). Otherwise anonymous visitors read "a
librarian in Kenya" (the country's name in the visitor's language): on story pages, cards
(home page, story index, country pages), search and the API. Logged-in members, who may see
members-only profiles anyway, read the name, unless the member withdrew it: then only the
member and coordinators do. A partner with no linked profile is named as the editors wrote
it (the story form asks members to agree with their partner first).

The member is told by e-mail when a published story names them (once per story) and
answers on their own page, /members/me/."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from members.models import is_coordinator

PUBLIC = "public"
MEMBERS = "members"
HIDDEN = "hidden"


def _decision(profile):
    try:
        return profile.story_naming
    except profile.__class__.story_naming.RelatedObjectDoesNotExist:
        return None


def naming_of(profile):
    """PUBLIC, MEMBERS (logged-in members only) or HIDDEN (the member and coordinators)."""
    if profile is None:
        return PUBLIC
    decision = _decision(profile)
    if decision is not None:
        return PUBLIC if decision.agreed else HIDDEN
    return PUBLIC if profile.is_public else MEMBERS


def may_name(profile, user):
    """Whether `user` may read the name of a partner linked to `profile`."""
    naming = naming_of(profile)
    if naming == PUBLIC:
        return True
    authenticated = bool(user) and getattr(user, "is_authenticated", False)
    if not authenticated:
        return False
    if naming == MEMBERS:
        return True
    return user.pk == profile.user_id or is_coordinator(user)


def anonymous_label(country):
    """ "a librarian in Kenya", the country's name in the active language."""
    if country:
        return gettext("a librarian in %(country)s") % {"country": country.name}
    return gettext("a librarian")


def partner_label(partner, user):
    if may_name(partner.member, user):
        return partner.name
    return anonymous_label(partner.country)


def needs_agreement(profile):
    return profile is not None and naming_of(profile) == MEMBERS


def set_naming(profile, agreed):
    """Record the member's answer and reindex the stories that name them (their names are
    in the search index only while public)."""
    from .models import PartnerNaming

    PartnerNaming.objects.update_or_create(profile=profile, defaults={"agreed": agreed})
    reindex_stories_of(profile)


def reindex_stories_of(profile):
    from wagtail.search import index

    from .models import PartnerStoryPage

    for page in PartnerStoryPage.objects.filter(partners__member=profile).distinct():
        index.insert_or_update_object(page)


def stories_naming(profile):
    """The live stories that name `profile`, newest first."""
    from .models import PartnerStoryPage

    return list(
        PartnerStoryPage.objects.live()
        .filter(partners__member=profile)
        .distinct()
        .order_by("-first_published_at")
    )


def notify_partners(page):
    """E-mail every linked partner of a just-published story whose name is not yet public
    (members-only profile, no answer), once per story."""
    from .models import PartnerNotice

    partners = page.partners.select_related("member__user", "member__story_naming")
    for partner in partners:
        profile = partner.member
        if not needs_agreement(profile) or not profile.user.is_active or not profile.user.email:
            continue
        try:
            with transaction.atomic():
                PartnerNotice.objects.create(page=page, profile=profile)
        except IntegrityError:
            continue  # told already
        _send_notice(page, partner, profile)


def _send_notice(page, partner, profile):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "name": profile.display_name,
        "title": page.title,
        "story_url": base + page.url if page.url else base,
        "me_url": base + reverse("members:me"),
        "anonymous": anonymous_label(partner.country),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("A partner story names you: %(title)s") % {"title": page.title}
        body = render_to_string("stories/email/named_in_story.txt", context)
    # One line: a title with a line break would make Django refuse the header.
    subject = " ".join(subject.split())
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [profile.user.email])
