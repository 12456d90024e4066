"""The programme in figures: plain functions over the data, no request.

Coordinators' dashboard (exact numbers, `round_dashboard(round_)`):

- applications by country (active ones, with the country cap as a number of people) and
  by sector, by status;
- the matching: applicants, matched and unmatched (from the partnerships once published,
  from the stored proposal before), pairs and trios;
- check-ins per moment: asked (check-in e-mails sent), answered, response rate, in
  contact, share in contact among answers, how often;
- the rematch queue: open and resolved requests, partnerships ended by a rematch;
- feedback: asked, responses, rating distribution, mean, share who would take part again.

Open figures (`open_figures()`): per finished round with participants, anonymised
aggregates (participants by country and sector, matched share, check-in rates, feedback
ratings) in which no count of 1 to 4 people is shown (SMALL) and none can be recovered by
subtraction: small countries and sectors are grouped until the group holds 5 or more; in a
distribution with one small cell, a second cell is suppressed; a share is shown only when
both the people it counts and the others are 0 or 5 or more.

Home figures (`participants_count`, `participant_countries`, `take_part_again_share`) are
registered in wagtail_hooks.py.

Every function reads a list of rounds in a fixed number of queries, grouped by round, so
the dashboard and the open figures cost the same for one round or twenty. Shares are
percentages (0-100, floats) or None when there is nothing to divide by.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .applications import country_limit
from .models import (
    Application,
    CheckIn,
    Feedback,
    Partnership,
    PartnershipMember,
    Proposal,
    ProposedGroup,
    RematchRequest,
    Round,
    SentEmail,
)
from .schedule import CHECK_IN_KINDS

SMALL = 5  # public figures never show a count of 1 to SMALL - 1 people
GROUPED = "grouped"  # the key of the group of small countries or sectors
UNKNOWN = "unknown"  # participants whose sector is no longer recorded (deleted accounts)
MOMENTS = [CheckIn.Moment.TWO_WEEKS, CheckIn.Moment.MID_ROUND]
RATINGS = [5, 4, 3, 2, 1]


def share(part, whole):
    """`part` of `whole` in per cent, None when `whole` is 0."""
    return 100 * part / whole if whole else None


def _by_round(rounds):
    return {round_.pk: round_ for round_ in rounds}


# Raw figures, grouped by round ------------------------------------------------------------


def application_counts(rounds):
    """{round id: {"status": {status: n}, "country": {code: n}, "sector": {sector: n},
    "active": n, "total": n, "matched": n}}, counting active applications by country and
    sector, and as matched those that belong to a partnership. Two queries."""
    found = {
        pk: {"status": {}, "country": {}, "sector": {}, "active": 0, "total": 0, "matched": 0}
        for pk in _by_round(rounds)
    }
    rows = (
        Application.objects.filter(round__in=rounds)
        .values_list("round_id", "status", "country", "sector")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for round_id, status, country, sector, n in rows:
        figures = found[round_id]
        figures["status"][status] = figures["status"].get(status, 0) + n
        figures["total"] += n
        if status == Application.Status.SUBMITTED:
            figures["active"] += n
            figures["country"][country] = figures["country"].get(country, 0) + n
            figures["sector"][sector] = figures["sector"].get(sector, 0) + n
    matched = (
        Application.objects.active()
        .filter(round__in=rounds, membership__isnull=False)
        .values_list("round_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for round_id, n in matched:
        found[round_id]["matched"] = n
    return found


def partnership_counts(rounds):
    """{round id: {"partnerships": n (not ended), "pairs": n, "trios": n, "ended": n}}. One
    query."""
    found = {
        pk: {"partnerships": 0, "pairs": 0, "trios": 0, "ended": 0} for pk in _by_round(rounds)
    }
    rows = (
        Partnership.objects.filter(round__in=rounds)
        .annotate(size=Count("memberships"))
        .values_list("round_id", "ended_at", "size")
    )
    for round_id, ended_at, size in rows:
        figures = found[round_id]
        if ended_at is not None:
            figures["ended"] += 1
            continue
        figures["partnerships"] += 1
        if size == 2:
            figures["pairs"] += 1
        elif size == 3:
            figures["trios"] += 1
    return found


def proposal_counts(round_):
    """The stored proposal of a round being matched: {"matched": n, "unmatched": n,
    "groups": n, "pairs": n, "trios": n}, or None. Two queries."""
    proposal = Proposal.objects.filter(round=round_).first()
    if proposal is None:
        return None
    sizes = list(
        ProposedGroup.objects.filter(proposal=proposal)
        .annotate(size=Count("applications"))
        .values_list("size", flat=True)
    )
    return {
        "matched": sum(sizes),
        "unmatched": len(proposal.unmatched),
        "groups": len(sizes),
        "pairs": sum(1 for size in sizes if size == 2),
        "trios": sum(1 for size in sizes if size == 3),
    }


def email_counts(rounds):
    """{round id: {SentEmail.Kind: n}}: programme e-mail sent. One query."""
    found = {pk: {} for pk in _by_round(rounds)}
    rows = (
        SentEmail.objects.filter(membership__partnership__round__in=rounds)
        .values_list("membership__partnership__round_id", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for round_id, kind, n in rows:
        found[round_id][kind] = n
    return found


def check_in_counts(rounds):
    """{round id: {moment: {"answered": n, "in_contact": n, "frequency": {value: n}}}}. One
    query."""
    found = {
        pk: {moment: {"answered": 0, "in_contact": 0, "frequency": {}} for moment in MOMENTS}
        for pk in _by_round(rounds)
    }
    rows = (
        CheckIn.objects.filter(membership__partnership__round__in=rounds)
        .values_list("membership__partnership__round_id", "moment", "in_contact", "frequency")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for round_id, moment, in_contact, frequency, n in rows:
        figures = found[round_id].setdefault(
            moment, {"answered": 0, "in_contact": 0, "frequency": {}}
        )
        figures["answered"] += n
        if in_contact:
            figures["in_contact"] += n
        if frequency:
            figures["frequency"][frequency] = figures["frequency"].get(frequency, 0) + n
    return found


def feedback_counts(rounds):
    """{round id: {"ratings": {rating: n}, "responses": n, "again": n}}. One query."""
    found = {
        pk: {"ratings": dict.fromkeys(RATINGS, 0), "responses": 0, "again": 0}
        for pk in _by_round(rounds)
    }
    rows = (
        Feedback.objects.filter(membership__partnership__round__in=rounds)
        .values_list("membership__partnership__round_id", "rating", "would_take_part_again")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for round_id, rating, again, n in rows:
        figures = found[round_id]
        figures["ratings"][rating] = figures["ratings"].get(rating, 0) + n
        figures["responses"] += n
        if again:
            figures["again"] += n
    return found


def rematch_counts(rounds):
    """{round id: {"open": n, "resolved": n, "rematched": n}}: requests waiting, resolved,
    and resolved with a new partnership. One query."""
    found = {pk: {"open": 0, "resolved": 0, "rematched": 0} for pk in _by_round(rounds)}
    rows = (
        RematchRequest.objects.filter(membership__partnership__round__in=rounds)
        .values_list("membership__partnership__round_id")
        .annotate(
            open=Count("pk", filter=Q(resolved_at__isnull=True)),
            resolved=Count("pk", filter=Q(resolved_at__isnull=False)),
            rematched=Count("pk", filter=Q(new_partnership__isnull=False)),
        )
        .order_by()
    )
    for round_id, open_, resolved, rematched in rows:
        found[round_id] = {"open": open_, "resolved": resolved, "rematched": rematched}
    return found


# The coordinators' dashboard ---------------------------------------------------------------


def check_in_figures(emails, check_ins):
    """Per moment: asked, answered, response rate, in contact, in-contact share, how often."""
    moments = []
    for moment in MOMENTS:
        asked = emails.get(CHECK_IN_KINDS[moment], 0)
        counts = check_ins.get(moment, {"answered": 0, "in_contact": 0, "frequency": {}})
        answered = counts["answered"]
        moments.append(
            {
                "moment": moment,
                "label": CheckIn.Moment(moment).label,
                "asked": asked,
                "answered": answered,
                "response_rate": share(answered, asked),
                "in_contact": counts["in_contact"],
                "not_in_contact": answered - counts["in_contact"],
                "in_contact_share": share(counts["in_contact"], answered),
                "frequency": [
                    (value, label, counts["frequency"].get(value, 0))
                    for value, label in CheckIn.Frequency.choices
                ],
            }
        )
    return moments


def feedback_figures(emails, feedback):
    responses = feedback["responses"]
    asked = emails.get(SentEmail.Kind.FEEDBACK_REQUEST, 0)
    ratings = [(rating, feedback["ratings"].get(rating, 0)) for rating in RATINGS]
    return {
        "asked": asked,
        "responses": responses,
        "response_rate": share(responses, asked),
        "ratings": ratings,
        "mean": sum(r * n for r, n in ratings) / responses if responses else None,
        "again": feedback["again"],
        "again_share": share(feedback["again"], responses),
    }


# What a coordinator asks at each stage of a round, first on the dashboard.
STAGE_SECTIONS = {
    Round.State.DRAFT: ["applications", "matching", "contact", "feedback"],
    Round.State.OPEN: ["applications", "matching", "contact", "feedback"],
    Round.State.CLOSED: ["applications", "matching", "contact", "feedback"],
    Round.State.MATCHING: ["matching", "applications", "contact", "feedback"],
    Round.State.RUNNING: ["contact", "matching", "applications", "feedback"],
    Round.State.FINISHED: ["feedback", "contact", "matching", "applications"],
}


@dataclass
class Dashboard:
    round: Round
    applications: dict
    country_cap: int  # the most applications one country may hold now
    matching: dict
    check_ins: list
    rematch: dict
    feedback: dict
    sections: list = field(default_factory=list)


def round_dashboard(round_):
    """Every figure of the coordinators' round dashboard, exact. Nine queries at most,
    whatever the size of the round."""
    rounds = [round_]
    applications = application_counts(rounds)[round_.pk]
    teams = partnership_counts(rounds)[round_.pk]
    emails = email_counts(rounds)[round_.pk]
    people = participants(rounds)[round_.pk]
    matching = {
        "applicants": applications["active"],
        "participants": len(people),
        **teams,
        "source": None,
        "matched": None,
        "unmatched": None,
    }
    if teams["partnerships"] or teams["ended"]:
        matching.update(
            source="partnerships",
            matched=applications["matched"],
            unmatched=applications["active"] - applications["matched"],
        )
    elif round_.state == Round.State.MATCHING:
        proposed = proposal_counts(round_)
        if proposed is not None:
            matching.update(
                source="proposal",
                matched=proposed["matched"],
                unmatched=proposed["unmatched"],
                pairs=proposed["pairs"],
                trios=proposed["trios"],
            )
    if matching["matched"] is not None:
        matching["matched_share"] = share(matching["matched"], applications["active"])
    return Dashboard(
        round=round_,
        applications=applications,
        country_cap=country_limit(round_, applications["active"]),
        matching=matching,
        check_ins=check_in_figures(emails, check_in_counts(rounds)[round_.pk]),
        rematch=rematch_counts(rounds)[round_.pk],
        feedback=feedback_figures(emails, feedback_counts(rounds)[round_.pk]),
        sections=STAGE_SECTIONS[round_.state],
    )


# Open figures: anonymised --------------------------------------------------------------------
#
# Every count of a round's open figures is a cell of a partition of its participants (by
# country, by sector, by check-in answer, by feedback rating): each partition adds up to the
# participants, which are shown. A cell of 1 to 4 people is suppressed; in a partition where
# only one cell would be, a second one is too (the total would give it away), and countries
# and sectors are grouped instead. A share is shown only when the cells it is made of are.


def is_small(n):
    return n is not None and 0 < n < SMALL


@dataclass(frozen=True)
class Cell:
    """A count in the open figures: `value` None when suppressed; `small` says whether the
    true count is under SMALL (shown "<5"): a cell suppressed only to protect another one
    (a count of 5 or more) is shown as "suppressed", never as "<5"."""

    value: int | None
    small: bool = False

    @property
    def suppressed(self):
        return self.value is None

    def __str__(self):
        if self.value is not None:
            return str(self.value)
        return f"<{SMALL}" if self.small else "suppressed"


def count_cell(n):
    return Cell(None, True) if is_small(n) else Cell(n)


def share_of_cells(part, whole):
    """Whole per cent `part` makes of `whole` (lists of Cells), None when any of them is
    suppressed or `whole` counts nobody."""
    cells = [*part, *whole]
    if any(cell.suppressed for cell in cells):
        return None
    total = sum(cell.value for cell in whole)
    return round(100 * sum(cell.value for cell in part) / total) if total else None


def share_cell(part, whole):
    """Whole per cent `part` makes of `whole` (counts), None when `part` or the rest is a
    count of 1 to 4 people, or `whole` is 0."""
    if not whole or is_small(part) or is_small(whole - part):
        return None
    return round(100 * part / whole)


def grouped(counts):
    """[(key, Cell, members)] of `counts` ({key: n}), largest first, with the keys holding
    1 to 4 people merged into one GROUPED row; while that group holds fewer than SMALL
    people the smallest other key joins it. `members` lists the keys in the row. When all
    of them together are fewer than SMALL, the only row is the group, suppressed."""
    items = sorted(((k, n) for k, n in counts.items() if n), key=lambda item: (-item[1], item[0]))
    group = [item for item in items if is_small(item[1])]
    kept = [item for item in items if not is_small(item[1])]
    while group and sum(n for _k, n in group) < SMALL and kept:
        group.append(kept.pop())
    rows = [(key, Cell(n), [key]) for key, n in kept]
    if group:
        total = sum(n for _k, n in group)
        rows.append((GROUPED, count_cell(total), sorted(k for k, _n in group)))
    return rows


def suppressed_partition(counts):
    """[(key, Cell)] of `counts` ([(key, n)] adding up to a total that is shown, in their
    order) with every count of 1 to 4 suppressed and, when only one is, the smallest other
    count too (subtracting the others from the total would give it away)."""
    hidden = {key for key, n in counts if is_small(n)}
    if len(hidden) == 1:
        others = sorted((n, i) for i, (key, n) in enumerate(counts) if key not in hidden)
        if others:
            hidden.add(counts[others[0][1]][0])
    return [(key, Cell(None, n < SMALL) if key in hidden else Cell(n)) for key, n in counts]


def _person(member_id, membership_id):
    return member_id if member_id is not None else f"former-{membership_id}"


def participants(rounds):
    """{round id: {person: (country code, sector or UNKNOWN)}}, one entry per person who
    took part in a partnership of the round (once, though a rematch gave them two), their
    sector from their application. A member who deleted their account counts once per
    partnership (nothing links their partnerships any more). One query."""
    people = {pk: {} for pk in _by_round(rounds)}
    rows = (
        PartnershipMember.objects.filter(partnership__round__in=rounds)
        .values_list("partnership__round_id", "pk", "member_id", "country", "application__sector")
        .order_by("pk")
    )
    for round_id, pk, member_id, country, sector in rows:
        person = _person(member_id, pk)
        known = people[round_id].get(person)
        if known is None or (known[1] == UNKNOWN and sector):
            people[round_id][person] = (country, sector or UNKNOWN)
    return people


def check_in_answers(rounds):
    """{round id: {moment: {person: in contact}}}: each person's answer at each moment (the
    later one when a rematch gave them two partnerships to answer for). One query."""
    found = {pk: {moment: {} for moment in MOMENTS} for pk in _by_round(rounds)}
    rows = (
        CheckIn.objects.filter(membership__partnership__round__in=rounds)
        .values_list(
            "membership__partnership__round_id",
            "moment",
            "membership__member_id",
            "membership_id",
            "in_contact",
        )
        .order_by("answered_at", "pk")
    )
    for round_id, moment, member_id, membership_id, in_contact in rows:
        found[round_id].setdefault(moment, {})[_person(member_id, membership_id)] = in_contact
    return found


def feedback_answers(rounds):
    """{round id: {person: (rating, would take part again)}}. One query."""
    found = {pk: {} for pk in _by_round(rounds)}
    rows = (
        Feedback.objects.filter(membership__partnership__round__in=rounds)
        .values_list(
            "membership__partnership__round_id",
            "membership__member_id",
            "membership_id",
            "rating",
            "would_take_part_again",
        )
        .order_by("submitted_at", "pk")
    )
    for round_id, member_id, membership_id, rating, again in rows:
        found[round_id][_person(member_id, membership_id)] = (rating, again)
    return found


NO_ANSWER = "no-answer"


@dataclass
class OpenRound:
    """The open figures of one finished round (see open_figures). Cells are Cell; shares
    whole per cent or None (suppressed)."""

    round: Round
    participants: Cell
    countries: int  # how many countries took part
    by_country: list  # [(code or GROUPED, Cell, [codes])]
    by_sector: list  # [(sector, UNKNOWN or GROUPED, Cell, [sectors])]
    applicants: Cell  # suppressed when the unmatched are 1 to 4
    matched_share: int | None
    # [{"moment", "cells": [("in-contact" | "not-in-contact" | NO_ANSWER, Cell)],
    #   "answered_share", "in_contact_share"}]
    check_ins: list
    ratings: list  # [(5 .. 1 or NO_ANSWER, Cell)]
    feedback_share: int | None  # of the participants, who gave feedback
    again_share: int | None  # of those who gave feedback, who would take part again

    @property
    def is_tiny(self):
        """Fewer than SMALL people took part: nothing but that is shown."""
        return self.participants.suppressed


def open_round_figures(round_, applications, people, check_ins, feedback):
    """The anonymised figures of a round from its raw counts (see open_figures)."""
    total = len(people)
    countries, sectors = {}, {}
    for country, sector in people.values():
        countries[country] = countries.get(country, 0) + 1
        sectors[sector] = sectors.get(sector, 0) + 1
    figures = OpenRound(
        round=round_,
        participants=count_cell(total),
        countries=len(countries),
        by_country=[],
        by_sector=[],
        applicants=Cell(None, True),
        matched_share=None,
        check_ins=[],
        ratings=[],
        feedback_share=None,
        again_share=None,
    )
    if is_small(total) or not total:
        return figures
    figures.by_country = grouped(countries)
    figures.by_sector = grouped(sectors)
    active, matched = applications["active"], applications["matched"]
    unmatched = max(active - matched, 0)
    # The participants are (nearly) the matched applicants: a small number of unmatched
    # would show as the difference between applicants and participants.
    figures.applicants = Cell(None, False) if is_small(unmatched) else count_cell(active)
    figures.matched_share = share_cell(matched, active)
    for moment in MOMENTS:
        answers = {p: contact for p, contact in check_ins.get(moment, {}).items() if p in people}
        in_contact = sum(1 for contact in answers.values() if contact)
        cells = suppressed_partition(
            [
                ("in-contact", in_contact),
                ("not-in-contact", len(answers) - in_contact),
                (NO_ANSWER, total - len(answers)),
            ]
        )
        figures.check_ins.append(
            {
                "moment": moment,
                "cells": cells,
                "answered_share": share_of_cells(
                    [cell for _key, cell in cells[:2]], [cell for _key, cell in cells]
                ),
                "in_contact_share": share_of_cells(
                    [cells[0][1]], [cell for _key, cell in cells[:2]]
                ),
            }
        )
    answers = {p: answer for p, answer in feedback.items() if p in people}
    ratings = [(r, sum(1 for rating, _again in answers.values() if rating == r)) for r in RATINGS]
    figures.ratings = suppressed_partition([*ratings, (NO_ANSWER, total - len(answers))])
    figures.feedback_share = share_of_cells(
        [cell for key, cell in figures.ratings if key != NO_ANSWER],
        [cell for _key, cell in figures.ratings],
    )
    again = sum(1 for _rating, yes in answers.values() if yes)
    figures.again_share = share_cell(again, len(answers))
    return figures


def finished_rounds():
    """Finished rounds that had partnerships, newest first."""
    return list(
        Round.objects.filter(state=Round.State.FINISHED, partnerships__isnull=False)
        .distinct()
        .order_by("-partnership_start", "-pk")
    )


def open_figures(rounds=None):
    """[OpenRound] of every finished round with partnerships (or of `rounds`), newest first.
    Six queries whatever the number of rounds."""
    rounds = finished_rounds() if rounds is None else list(rounds)
    if not rounds:
        return []
    applications = application_counts(rounds)
    people = participants(rounds)
    check_ins = check_in_answers(rounds)
    feedback = feedback_answers(rounds)
    return [
        open_round_figures(
            round_,
            applications[round_.pk],
            people[round_.pk],
            check_ins[round_.pk],
            feedback[round_.pk],
        )
        for round_ in rounds
    ]


# Home figures ----------------------------------------------------------------------------------

SHOWN_STATES = [Round.State.RUNNING, Round.State.FINISHED]


def _memberships_shown():
    return PartnershipMember.objects.filter(partnership__round__state__in=SHOWN_STATES)


def participants_count():
    """People partnered in a running or finished round (each once, whatever the number of
    rounds; a deleted account once per partnership); None under SMALL."""
    members = _memberships_shown().exclude(member=None).values("member_id").distinct().count()
    total = members + _memberships_shown().filter(member=None).count()
    return None if is_small(total) else total


def participant_countries():
    """Country codes of the people partnered in running or finished rounds."""
    return _memberships_shown().values_list("country", flat=True).distinct()


def take_part_again_share():
    """Whole per cent of feedback, across rounds, saying they would take part again; None
    when either answer counts 1 to 4 people (or there is no feedback)."""
    counts = Feedback.objects.aggregate(
        responses=Count("pk"), again=Count("pk", filter=Q(would_take_part_again=True))
    )
    return share_cell(counts["again"], counts["responses"])
