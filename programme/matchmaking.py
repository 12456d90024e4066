"""A round's matching between the database and `programme.matching` (which knows nothing of
Django): turning applications into applicants, storing a proposal, a coordinator's pins,
forbidden pairs and swaps, publishing, and exporting. Used by the management commands and
the admin alike, so both do exactly the same thing."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import matching
from .models import (
    Application,
    PairRule,
    Partnership,
    PartnershipMember,
    Proposal,
    ProposedGroup,
    Round,
)


@dataclass
class Pool:
    """A round's active applications as the matching sees them."""

    applicants: dict  # application id -> matching.Applicant
    applications: dict  # application id -> Application
    pinned: list  # [(id, id)]
    forbidden: list  # [(id, id)]
    reference: datetime.datetime


def _previous_partner_ids(applications):
    """{application id: ids of this round's applications whose members were partners of
    its member before}: from earlier rounds' partnerships and from imported
    previous_partner_emails, in both directions."""
    by_member = {app.member_id: app.pk for app in applications}
    by_email = {app.member.user.email.lower(): app.pk for app in applications}
    previous = defaultdict(set)
    memberships = PartnershipMember.objects.filter(
        partnership__in=Partnership.objects.filter(memberships__member_id__in=by_member)
    ).values_list("partnership_id", "member_id")
    partners_in = defaultdict(set)
    for partnership_id, member_id in memberships:
        if member_id is not None:
            partners_in[partnership_id].add(member_id)
    for members in partners_in.values():
        here = [by_member[m] for m in members if m in by_member]
        for app_id in here:
            previous[app_id].update(other for other in here if other != app_id)
    for app in applications:
        for email in app.previous_partner_emails:
            other = by_email.get(email.strip().lower())
            if other is not None and other != app.pk:
                previous[app.pk].add(other)
                previous[other].add(app.pk)
    return previous


def _returning_members(applications, round_):
    """Members who took part in an earlier round (or said so in an imported sheet)."""
    member_ids = [app.member_id for app in applications]
    earlier = set(
        PartnershipMember.objects.filter(member_id__in=member_ids)
        .exclude(partnership__round=round_)
        .values_list("member_id", flat=True)
    )
    return earlier | {app.member_id for app in applications if app.previous_partner_emails}


def load_pool(round_, applications=None):
    """The round's active applications as the matching sees them, or only `applications`
    (of `round_`, with member__user selected) when given: the rematch queue
    (programme.partnerships.rematch) builds its applicants here too, so both follow the
    same rules (previous partners, returning participants, forbidden pairs)."""
    if applications is None:
        applications = round_.applications.active().select_related("member__user").order_by("pk")
    applications = list(applications)
    previous = _previous_partner_ids(applications)
    returning = _returning_members(applications, round_)
    applicants = {}
    for app in applications:
        applicants[app.pk] = matching.Applicant(
            id=app.pk,
            country=app.country.code,
            sector=app.sector,
            career_stage=app.career_stage,
            interests=frozenset(name.lower() for name in app.interests),
            match_preference=app.match_preference,
            timezone=app.time_zone,
            returning=app.member_id in returning,
            previous_partners=frozenset(previous.get(app.pk, ())),
            english_confirmed=app.english_confirmed,
        )
    rules = list(round_.pair_rules.values_list("first_id", "second_id", "kind"))
    live = set(applicants)
    pinned = [(a, b) for a, b, kind in rules if kind == PairRule.Kind.PIN and {a, b} <= live]
    forbidden = [(a, b) for a, b, kind in rules if kind == PairRule.Kind.FORBID]
    reference = datetime.datetime.combine(
        round_.partnership_start, datetime.time(12), tzinfo=datetime.UTC
    )
    return Pool(applicants, {app.pk: app for app in applications}, pinned, forbidden, reference)


def check_matchable(round_):
    if not round_.can_be_matched:
        raise ValidationError(
            _("Only a round whose applications have closed can be matched (this one is %s).")
            % round_.get_state_display().lower()
        )


def propose(round_):
    """Run the matching for `round_` (nothing stored): (matching.Matching, Pool)."""
    check_matchable(round_)
    pool = load_pool(round_)
    try:
        result = matching.propose_matching(
            pool.applicants.values(), pool.pinned, pool.forbidden, reference=pool.reference
        )
    except matching.InvalidPins as error:
        raise ValidationError(error.problems) from error
    return result, pool


@transaction.atomic
def store(round_, result, user=None):
    """Replace the round's stored proposal with `result`; the round is then matching."""
    check_matchable(round_)
    Proposal.objects.filter(round=round_).delete()
    proposal = Proposal.objects.create(
        round=round_,
        created_by=user,
        elapsed_seconds=result.elapsed_seconds,
        unmatched=[[app_id, reason] for app_id, reason in result.unmatched],
    )
    groups = ProposedGroup.objects.bulk_create(
        ProposedGroup(
            proposal=proposal,
            score=group.score,
            reasons=list(group.reasons),
            problems=list(group.problems),
            pinned=group.pinned,
        )
        for group in result.groups
    )
    through = ProposedGroup.applications.through
    through.objects.bulk_create(
        through(proposedgroup_id=stored.pk, application_id=app_id)
        for stored, group in zip(groups, result.groups, strict=True)
        for app_id in group.members
    )
    if round_.state == Round.State.CLOSED:
        round_.move_to(Round.State.MATCHING)
    return proposal


def run_and_store(round_, user=None):
    result, _pool = propose(round_)
    return store(round_, result, user)


def stored_groups(proposal):
    """The proposal's groups with their applications (and members), weakest first."""
    return list(proposal.groups.prefetch_related("applications__member").order_by("score", "pk"))


# A coordinator's adjustments --------------------------------------------------------------


def _applications_of(round_, *ids):
    found = {app.pk: app for app in round_.applications.active().filter(pk__in=ids)}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise ValidationError(_("Not an active application of this round: %s") % ", ".join(missing))
    return [found[i] for i in ids]


@transaction.atomic
def add_rule(round_, first_id, second_id, kind, user=None):
    """Pin two applicants together or forbid the pair. A pin that breaks a hard rule is
    refused with the reason."""
    check_matchable(round_)
    if first_id == second_id:
        raise ValidationError(_("Choose two different applicants."))
    _applications_of(round_, first_id, second_id)
    first_id, second_id = sorted((first_id, second_id))
    if kind == PairRule.Kind.PIN:
        pool = load_pool(round_)
        pins = [p for p in pool.pinned if p != (first_id, second_id)] + [(first_id, second_id)]
        problems = matching.pin_problems(pool.applicants.values(), pins, pool.forbidden)
        if problems:
            raise ValidationError(problems)
    rule, _created = PairRule.objects.update_or_create(
        round=round_,
        first_id=first_id,
        second_id=second_id,
        defaults={"kind": kind, "created_by": user},
    )
    return rule


def remove_rule(round_, rule_id):
    PairRule.objects.filter(round=round_, pk=rule_id).delete()


@transaction.atomic
def swap(proposal, first_id, second_id):
    """Swap two members between their proposed groups, and re-score both groups at once.
    Hard rules the new groups would break are kept on the groups as problems, so the
    coordinator sees them (and publishing refuses them)."""
    check_matchable(proposal.round)
    groups = {}
    for group in proposal.groups.prefetch_related("applications"):
        for app in group.applications.all():
            groups[app.pk] = group
    if first_id not in groups or second_id not in groups:
        raise ValidationError(_("Both applicants must be in the proposal to be swapped."))
    first_group, second_group = groups[first_id], groups[second_id]
    if first_group.pk == second_group.pk:
        raise ValidationError(_("These two are already partners."))
    pool = load_pool(proposal.round)
    first_members = [i for i in _member_ids(first_group) if i != first_id] + [second_id]
    second_members = [i for i in _member_ids(second_group) if i != second_id] + [first_id]
    gone = sorted(i for i in (*first_members, *second_members) if i not in pool.applicants)
    if gone:
        raise ValidationError(_no_longer_active(gone))
    for group, members in ((first_group, first_members), (second_group, second_members)):
        _rescore(group, members, pool)
    return first_group, second_group


def _no_longer_active(application_ids):
    return _(
        "Withdrawn or deferred since the proposal was made: %s. Run the matching again."
    ) % ", ".join(map(str, application_ids))


def _member_ids(group):
    return [app.pk for app in group.applications.all()]


def _rescore(group, member_ids, pool):
    scored = matching.rescore_group(
        [pool.applicants[i] for i in member_ids], pool.forbidden, pool.reference
    )
    group.score = scored.score
    group.reasons = list(scored.reasons)
    group.problems = list(scored.problems)
    group.pinned = False
    group.save()
    group.applications.set(member_ids)


# Publishing and export --------------------------------------------------------------------


@transaction.atomic
def publish(round_):
    """Create the round's partnerships from its stored proposal, all or none, and move the
    round to running. Refused while a group breaks a hard rule."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.state != Round.State.MATCHING:
        raise ValidationError(
            _("Only a round with a stored matching proposal can be published (this one is %s).")
            % round_.get_state_display().lower()
        )
    proposal = Proposal.objects.filter(round=round_).first()
    if proposal is None:
        raise ValidationError(_("This round has no stored matching proposal."))
    groups = stored_groups(proposal)
    broken = [group for group in groups if group.problems]
    if broken:
        raise ValidationError(
            _("%(count)s proposed groups break a hard rule: %(problems)s")
            % {
                "count": len(broken),
                "problems": "; ".join(p for group in broken for p in group.problems),
            }
        )
    active = Application.Status.SUBMITTED
    gone = sorted(a.pk for g in groups for a in g.applications.all() if a.status != active)
    if gone:
        raise ValidationError(_no_longer_active(gone))
    partnerships = Partnership.objects.bulk_create(
        Partnership(round=round_, score=group.score, reasons=group.reasons) for group in groups
    )
    PartnershipMember.objects.bulk_create(
        PartnershipMember(
            partnership=partnership,
            application=app,
            member=app.member,
            country=app.country,
        )
        for partnership, group in zip(partnerships, groups, strict=True)
        for app in group.applications.all()
    )
    round_.move_to(Round.State.RUNNING)
    return partnerships


def export_rows(round_):
    """partnership_id, application_id, email, country: a row per member of the round's
    partnerships once published, else of its stored proposal (numbered groups)."""
    if round_.partnerships.exists():
        memberships = PartnershipMember.objects.filter(partnership__round=round_).select_related(
            "application", "member__user"
        )
        for m in memberships.order_by("partnership_id", "pk"):
            yield {
                "partnership_id": m.partnership_id,
                "application_id": _application_label(m.application),
                "email": m.member.user.email if m.member else "",
                "country": m.country.code,
            }
        return
    proposal = Proposal.objects.filter(round=round_).first()
    if proposal is None:
        raise ValidationError(_("This round has neither partnerships nor a stored proposal."))
    for number, group in enumerate(
        proposal.groups.prefetch_related("applications__member__user").order_by("pk"), start=1
    ):
        for app in sorted(group.applications.all(), key=lambda a: a.pk):
            yield {
                "partnership_id": f"proposed-{number}",
                "application_id": _application_label(app),
                "email": app.member.user.email,
                "country": app.country.code,
            }


def _application_label(application):
    if application is None:
        return ""
    return application.external_id or str(application.pk)


def summary_lines(result, pool):
    """The dry run's summary, in lines for a terminal."""
    pairs = [g for g in result.groups if not g.is_trio]
    trios = [g for g in result.groups if g.is_trio]
    violations = result.violations()
    lines = [
        f"Applicants: {len(pool.applicants)}",
        f"Pairs: {len(pairs)}",
        f"Trio: {', '.join(map(str, trios[0].members)) if trios else 'none'}",
        f"Unmatched: {len(result.unmatched)}",
    ]
    lines += [f"  {app_id}: {reason}" for app_id, reason in result.unmatched]
    lines += [
        f"Mean score: {result.mean_score:.1f} / {matching.MAX_SCORE}",
        "Hard rules: " + ("all kept" if not violations else f"{len(violations)} broken"),
    ]
    lines += [f"  {problem}" for problem in violations]
    lines.append(f"Time taken: {result.elapsed_seconds:.2f} s")
    return lines


def member_applications(application_ids):
    return Application.objects.filter(pk__in=application_ids).select_related("member")
