"""The programme in a member's data rights: their applications, partnerships, check-in
answers, feedback, rematch requests and the programme e-mail sent to them in the data
export; on account deletion their applications go (withdrawn from any round still to be
matched), and so do their own answers (check-ins, feedback, rematch requests) and the
record of e-mail sent to them, while their partners' partnerships stay, showing a former
member (PartnershipMember.member becomes NULL with the profile)."""

from members.data_rights import FORMER_MEMBER_NAME, register_erasure, register_export_section

from .models import (
    Application,
    CheckIn,
    Feedback,
    PartnershipMember,
    RematchRequest,
    SentEmail,
)

ANSWERS = Application.ANSWER_FIELDS


def _answers_of(model, user):
    """The member's own rows of a model kept per partnership membership, with the round."""
    return model.objects.filter(membership__member__user=user).select_related(
        "membership__partnership__round"
    )


@register_export_section("applications")
def export_applications(user):
    applications = Application.objects.filter(member__user=user).select_related("round")
    return [
        {
            "round": application.round.name,
            "status": application.status,
            "submitted_at": application.submitted_at.isoformat(),
            **{
                field: str(value) if field == "country" else value
                for field in ANSWERS
                for value in [getattr(application, field)]
            },
        }
        for application in applications.order_by("submitted_at")
    ]


@register_erasure
def erase_applications(user, profile):
    """A proposed group that loses a member says so, so that no coordinator publishes it
    as it stands; the applications themselves go with the profile."""
    if profile is None:
        return
    applications = Application.objects.filter(member=profile)
    for application in applications.prefetch_related("proposed_groups"):
        for group in application.proposed_groups.all():
            group.problems = [*group.problems, "a member deleted their account"]
            group.save(update_fields=["problems"])
    applications.delete()


def _iso(value):
    return value.isoformat() if value is not None else None


@register_export_section("partnerships")
def export_partnerships(user):
    """The member's partnerships, with their partners' names and countries as the member
    saw them (partners' contact details are theirs, not part of this member's data)."""
    own = list(
        PartnershipMember.objects.filter(member__user=user)
        .select_related("partnership__round")
        .order_by("partnership__round__partnership_start", "partnership__created_at")
    )
    partners = {}
    for other in (
        PartnershipMember.objects.filter(partnership_id__in=[m.partnership_id for m in own])
        .exclude(member__user=user)
        .select_related("member")
        .order_by("pk")
    ):
        partners.setdefault(other.partnership_id, []).append(
            {
                "name": other.member.display_name if other.member else FORMER_MEMBER_NAME,
                "country": other.country.code,
            }
        )
    return [
        {
            "round": membership.partnership.round.name,
            "starts": _iso(membership.partnership.round.partnership_start),
            "ends": _iso(membership.partnership.round.partnership_end),
            "country": membership.country.code,
            "partners": partners.get(membership.partnership_id, []),
            "created_at": _iso(membership.partnership.created_at),
            "ended_early_at": _iso(membership.partnership.ended_at),
        }
        for membership in own
    ]


@register_export_section("check_ins")
def export_check_ins(user):
    check_ins = _answers_of(CheckIn, user)
    return [
        {
            "round": check_in.membership.partnership.round.name,
            "moment": check_in.moment,
            "in_contact": check_in.in_contact,
            "frequency": check_in.frequency,
            "answered_at": _iso(check_in.answered_at),
        }
        for check_in in check_ins.order_by("answered_at", "pk")
    ]


@register_export_section("feedback")
def export_feedback(user):
    feedback = _answers_of(Feedback, user)
    return [
        {
            "round": item.membership.partnership.round.name,
            "rating": item.rating,
            "would_take_part_again": item.would_take_part_again,
            "what_worked": item.what_worked,
            "comments": item.comments,
            "submitted_at": _iso(item.submitted_at),
        }
        for item in feedback.order_by("submitted_at", "pk")
    ]


@register_export_section("rematch_requests")
def export_rematch_requests(user):
    requests = _answers_of(RematchRequest, user)
    return [
        {
            "round": request.membership.partnership.round.name,
            "source": request.source,
            "note": request.note,
            "reported_at": _iso(request.reported_at),
            "resolved_at": _iso(request.resolved_at),
        }
        for request in requests.order_by("reported_at", "pk")
    ]


@register_export_section("programme_emails")
def export_programme_emails(user):
    sent = _answers_of(SentEmail, user)
    return [
        {
            "round": email.membership.partnership.round.name,
            "kind": email.kind,
            "sent_at": _iso(email.sent_at),
        }
        for email in sent.order_by("sent_at", "pk")
    ]


@register_erasure
def erase_partnership_answers(user, profile):
    """The member's own answers and the record of e-mail sent to them go; their
    memberships stay (member NULL once the profile is deleted), so their partners' history
    shows a former member from the country they took part from."""
    if profile is None:
        return
    mine = {"membership__member": profile}
    CheckIn.objects.filter(**mine).delete()
    Feedback.objects.filter(**mine).delete()
    RematchRequest.objects.filter(**mine).delete()
    SentEmail.objects.filter(**mine).delete()
