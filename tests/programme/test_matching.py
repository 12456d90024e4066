"""programme/matching.py: pure Python, no database.

Property tests (hypothesis) check the hard rules, the trio and coverage on small random rounds
against a brute force over every partition; fixed examples pin the score, its reasons and the
time-zone arithmetic; a seeded medium round compares the pruned graph with the exact one."""

import random
from datetime import UTC, datetime
from functools import cache
from itertools import combinations
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programme.matching import (
    CAREER_STAGES,
    MATCH_PREFERENCES,
    SECTORS,
    Applicant,
    Group,
    InvalidPins,
    Matching,
    _PoolScores,
    _Solver,
    check_pair,
    exact_optimum,
    hours_apart,
    pin_problems,
    propose_matching,
    rescore_group,
    score_pair,
    timezone_points,
    waking_overlap_hours,
)

JANUARY = datetime(2025, 1, 15, 12, tzinfo=UTC)
JULY = datetime(2025, 7, 15, 12, tzinfo=UTC)
ZONES = ["Pacific/Auckland", "Europe/London", "America/New_York", "Asia/Kolkata", "UTC"]
TAGS = ["open access", "cataloguing", "metadata", "outreach", "archives", "copyright"]
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


# Small random rounds ------------------------------------------------------------------------


@st.composite
def rounds(draw, max_size=9, countries=("NZ", "AU", "GB", "US"), unconfirmed_english=True):
    """(applicants, pinned, forbidden): few countries, previous partners and forbidden pairs so
    that the hard rules bite; pins drawn among pairs that break no rule."""
    size = draw(st.integers(0, max_size))
    ids = list(range(1, size + 1))
    possible_pairs = list(combinations(ids, 2))
    previous = draw(st.sets(st.sampled_from(possible_pairs), max_size=3)) if size > 1 else set()
    applicants = [
        Applicant(
            id=person,
            country=draw(st.sampled_from(countries)),
            sector=draw(st.sampled_from(SECTORS)),
            career_stage=draw(st.sampled_from(CAREER_STAGES)),
            interests=draw(st.frozensets(st.sampled_from(TAGS), max_size=4)),
            match_preference=draw(st.sampled_from(MATCH_PREFERENCES)),
            timezone=draw(st.sampled_from(ZONES)),
            returning=draw(st.booleans()),
            previous_partners=frozenset(
                other for pair in previous if person in pair for other in pair if other != person
            ),
            english_confirmed=draw(st.sampled_from([True] * 6 + [False]))
            if unconfirmed_english
            else True,
        )
        for person in ids
    ]
    forbidden = (
        {frozenset(pair) for pair in draw(st.sets(st.sampled_from(possible_pairs), max_size=3))}
        if size > 1
        else set()
    )
    by_id = {person.id: person for person in applicants}
    pinned, used = [], set()
    for a, b in draw(st.lists(st.sampled_from(possible_pairs), max_size=2)) if size > 1 else []:
        if not used & {a, b} and not check_pair(by_id[a], by_id[b], forbidden):
            pinned.append((a, b))
            used.update((a, b))
    return applicants, pinned, forbidden


def pair_score(by_id, a, b):
    return score_pair(by_id[a], by_id[b])[0]


def integer_total(result: Matching):
    """Each matched person's group score, added up, in whole points (a trio's is the sum of
    its three pair scores): the quantity the matching maximises."""
    by_id = result.applicants
    total = 0
    for group in result.groups:
        if group.is_trio:
            total += sum(pair_score(by_id, a, b) for a, b in combinations(group.members, 2))
        else:
            total += 2 * pair_score(by_id, *group.members)
    return total


def brute_force_best(applicants, pinned, forbidden):
    """Over every partition of the English-confirmed applicants into pairs, at most one trio
    (possibly a pinned pair with a third) and people left alone, all hard rules kept: the most
    people matched, then pinned pairs left as pairs, then the highest total.
    Returns (people matched, total)."""
    by_id = {person.id: person for person in applicants}
    pinned_ids = {person for pin in pinned for person in pin}
    pool = [p.id for p in applicants if p.english_confirmed and p.id not in pinned_ids]

    def fits(*members):
        return all(
            not check_pair(by_id[a], by_id[b], forbidden) for a, b in combinations(members, 2)
        )

    def trio_total(members):
        return sum(pair_score(by_id, a, b) for a, b in combinations(members, 2))

    @cache
    def best(left: tuple, trio_used: bool) -> tuple[int, bool, int]:
        """The best (matched, pins kept as pairs, total) for the people `left`, the lowest of
        whom is placed (or not) first."""
        if not left:
            return (0, True, 0)
        first, rest = left[0], left[1:]
        options = [best(rest, trio_used)]  # first stays unmatched
        for index, other in enumerate(rest):
            if not fits(first, other):
                continue
            remaining = rest[:index] + rest[index + 1 :]
            matched, pins_kept, total = best(remaining, trio_used)
            pair = 2 * pair_score(by_id, first, other)
            options.append((matched + 2, pins_kept, total + pair))
            for third_index, third in enumerate(remaining):
                if not trio_used and fits(first, other, third):
                    matched, pins_kept, total = best(
                        remaining[:third_index] + remaining[third_index + 1 :], True
                    )
                    trio = trio_total((first, other, third))
                    options.append((matched + 3, pins_kept, total + trio))
        for a, b in pinned if not trio_used else ():
            if fits(first, a, b):
                matched, _pins_kept, total = best(rest, True)
                gain = trio_total((first, a, b)) - 2 * pair_score(by_id, a, b)
                options.append((matched + 1, False, total + gain))
        return max(options)

    matched, _pins_kept, total = best(tuple(pool), False)
    fixed = sum(2 * pair_score(by_id, a, b) for a, b in pinned)
    return matched + len(pinned_ids), total + fixed


# Properties ----------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(rounds())
def test_hard_rules_are_never_broken(round_):
    applicants, pinned, forbidden = round_
    result = propose_matching(applicants, pinned, forbidden)
    by_id = {person.id: person for person in applicants}

    assert result.violations() == []
    placed = [member for group in result.groups for member in group.members]
    assert len(placed) == len(set(placed))
    assert sorted(placed + [person for person, _ in result.unmatched]) == sorted(by_id)
    for group in result.groups:
        assert len(group.members) in (2, 3)
        for a, b in combinations(group.members, 2):
            first, second = by_id[a], by_id[b]
            assert first.country != second.country
            assert a not in second.previous_partners and b not in first.previous_partners
            assert first.english_confirmed and second.english_confirmed
            assert frozenset((a, b)) not in forbidden
    group_of = {member: group.members for group in result.groups for member in group.members}
    for a, b in pinned:
        assert b in group_of[a]
    unmatched = dict(result.unmatched)
    for person in applicants:
        if not person.english_confirmed:
            assert unmatched[person.id] == "has not confirmed English"


@PROPERTY_SETTINGS
@given(rounds())
def test_at_most_one_trio_and_only_when_the_matched_count_is_odd(round_):
    result = propose_matching(*round_)
    trios = [group for group in result.groups if group.is_trio]
    assert len(trios) == result.matched_count % 2


@PROPERTY_SETTINGS
@given(
    st.lists(
        st.tuples(st.frozensets(st.sampled_from(TAGS), max_size=3), st.sampled_from(ZONES)),
        max_size=90,
    )
)
def test_everyone_is_matched_when_everyone_may_partner_anyone(profiles):
    # A country each, so every pair is allowed: everyone is placed, with one trio when the
    # count is odd. Pools over TRIO_SEARCH_MAX_POOL take the heuristic path for the trio.
    applicants = [
        Applicant(id=n, country=f"C{n}", interests=interests, timezone=zone)
        for n, (interests, zone) in enumerate(profiles)
    ]
    result = propose_matching(applicants)
    trios = sum(group.is_trio for group in result.groups)
    if len(applicants) == 1:
        assert result.groups == [] and len(result.unmatched) == 1
    else:
        assert result.unmatched == []
        assert trios == len(applicants) % 2


@PROPERTY_SETTINGS
@given(rounds(max_size=9))
def test_as_many_matched_and_as_high_a_total_as_the_best_partition(round_):
    """Everyone who can be placed is placed, and the total is the optimum (small pools are
    small enough for the exhaustive trio search; pairs come from the blossom algorithm)."""
    applicants, pinned, forbidden = round_
    result = propose_matching(applicants, pinned, forbidden)
    assert (result.matched_count, integer_total(result)) == brute_force_best(
        applicants, pinned, forbidden
    )


@PROPERTY_SETTINGS
@given(rounds(max_size=10, unconfirmed_english=False))
def test_exact_optimum_is_the_brute_force_optimum(round_):
    applicants, pinned, forbidden = round_
    exact = exact_optimum(applicants, pinned, forbidden)
    assert (exact.matched_count, integer_total(exact)) == brute_force_best(*round_)


@PROPERTY_SETTINGS
@given(rounds(max_size=10), st.sampled_from([0, 10]))
def test_short_candidate_lists_still_place_everyone_who_can_be_placed(round_, second_look):
    """One candidate each, with or without the second look: widening the lists of the
    stranded (or the full graph) still places as many as the best partition does."""
    applicants, pinned, forbidden = round_
    with patch("programme.matching.SECOND_LOOK_CANDIDATES", second_look):
        result = propose_matching(applicants, pinned, forbidden, candidates_per_person=1)
    assert result.violations() == []
    assert result.matched_count == brute_force_best(*round_)[0]


@PROPERTY_SETTINGS
@given(rounds(max_size=12, countries=("NZ", "AU", "GB")))
def test_pool_scores_agree_with_score_pair_and_check_pair(round_):
    applicants, _pinned, forbidden = round_
    pool = sorted((p for p in applicants if p.english_confirmed), key=lambda person: person.id)
    scores = _PoolScores(pool, frozenset(forbidden), JANUARY)
    for i, a in enumerate(pool):
        row = scores.row(i)
        for j, b in enumerate(pool):
            if check_pair(a, b, forbidden):
                assert row[j] == 0
            else:
                assert row[j] - 1 == score_pair(a, b, JANUARY)[0]


def test_the_same_input_gives_the_same_matching_in_any_order():
    applicants, pinned, forbidden = medium_round(120, seed=5)
    first = propose_matching(applicants, pinned, forbidden)
    shuffled = list(applicants)
    random.Random(1).shuffle(shuffled)
    second = propose_matching(shuffled, pinned, forbidden)
    assert first.groups == second.groups and first.unmatched == second.unmatched


# Quality on a realistic medium round -------------------------------------------------------


def medium_round(size, seed):
    """A round shaped like real ones: one country holds a third of the applicants."""
    rng = random.Random(seed)
    countries = ["US"] * 6 + ["GB"] * 3 + ["AU", "NZ", "IN", "KE", "DE", "BR", "JP", "ZA"]
    zones = {
        "US": ["America/New_York", "America/Los_Angeles"],
        "GB": ["Europe/London"],
        "AU": ["Australia/Sydney"],
        "NZ": ["Pacific/Auckland"],
        "IN": ["Asia/Kolkata"],
        "KE": ["Africa/Nairobi"],
        "DE": ["Europe/Berlin"],
        "BR": ["America/Sao_Paulo"],
        "JP": ["Asia/Tokyo"],
        "ZA": ["Africa/Johannesburg"],
    }
    topics = [f"topic {n}" for n in range(20)]
    applicants = []
    for person in range(size):
        country = rng.choice(countries)
        applicants.append(
            Applicant(
                id=person,
                country=country,
                sector=rng.choice(SECTORS[:4]),
                career_stage=rng.choice(CAREER_STAGES),
                interests=frozenset(rng.sample(topics[: rng.randint(6, 20)], rng.randint(2, 5))),
                match_preference=rng.choice(MATCH_PREFERENCES),
                timezone=rng.choice(zones[country]),
                returning=rng.random() < 0.3,
            )
        )
    pinned = [(0, next(p.id for p in applicants if p.country != applicants[0].country))]
    forbidden = {frozenset((1, 2)), frozenset((3, 4))}
    return applicants, pinned, forbidden


@pytest.mark.parametrize("size", [150, 301])
def test_the_pruned_graph_comes_within_half_a_percent_of_the_exact_optimum(size):
    applicants, pinned, forbidden = medium_round(size, seed=size)
    pruned = propose_matching(applicants, pinned, forbidden, candidates_per_person=8)
    exact = exact_optimum(applicants, pinned, forbidden)
    assert pruned.violations() == []
    assert pruned.matched_count == exact.matched_count == size
    assert integer_total(pruned) >= 0.995 * integer_total(exact)
    assert sum(group.is_trio for group in pruned.groups) == size % 2


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_exchanges_find_the_odd_one_out_a_better_trio(seed):
    # Pools this large skip the exhaustive trio search: the odd one out joins its best pair,
    # then trades places while that raises the total.
    applicants, pinned, forbidden = medium_round(301, seed)
    improved = propose_matching(applicants, pinned, forbidden)
    with patch.object(_Solver, "exchange", lambda self, trio, pairs: trio):
        plain = propose_matching(applicants, pinned, forbidden)
    assert improved.violations() == [] and improved.matched_count == plain.matched_count
    assert integer_total(improved) > integer_total(plain)


@pytest.mark.parametrize("second_look", [0, 10])
def test_a_crowded_country_is_placed_even_with_short_candidate_lists(second_look):
    # Half the round is from one country and all of them rank the same four people first:
    # with two candidates each nobody else is in their lists, yet everyone can be paired.
    stars = [Applicant(id=n, country=c, interests={"a", "b", "c", "d"}) for n, c in
             enumerate(["GB", "FR", "DE", "ES"])]  # fmt: skip
    others = [Applicant(id=10 + n, country=f"C{n}", timezone="Asia/Tokyo") for n in range(8)]
    crowd = [Applicant(id=100 + n, country="US", interests={"a", "b", "c", "d"}) for n in range(12)]
    with patch("programme.matching.SECOND_LOOK_CANDIDATES", second_look):
        result = propose_matching(stars + others + crowd, candidates_per_person=2)
    assert result.unmatched == []
    assert result.violations() == []


def test_placing_everyone_comes_before_one_excellent_pair():
    # b and c would make a 90-point pair, but a can only partner b and d only c: two
    # 39-point pairs place all four, and the matching takes them.
    shared = {"open access", "cataloguing", "metadata", "outreach"}
    a = Applicant(id="a", country="GB", timezone="Pacific/Auckland", previous_partners={"d"})
    b = Applicant(id="b", country="AU", sector="public", interests=shared)
    c = Applicant(id="c", country="GB", sector="public", interests=shared)
    d = Applicant(id="d", country="AU", timezone="Pacific/Auckland")
    assert score_pair(b, c, JANUARY)[0] == 90 and score_pair(a, b, JANUARY)[0] == 39
    result = propose_matching([a, b, c, d], reference=JANUARY)
    assert [group.members for group in result.groups] == [("a", "b"), ("c", "d")]


def test_a_country_holding_most_of_the_round_leaves_its_surplus_unmatched_quickly():
    # 70 from one country, 30 from others: 30 pairs at most, and the pruned graph knows it
    # without escalating to the full graph.
    crowd = [Applicant(id=n, country="US") for n in range(70)]
    others = [Applicant(id=100 + n, country=f"C{n}") for n in range(30)]
    with patch(
        "programme.matching._Solver.match_full_graph", side_effect=AssertionError("full graph")
    ):
        result = propose_matching(crowd + others, candidates_per_person=3)
    assert result.matched_count == 60 and len(result.unmatched) == 40
    assert result.unmatched[0][1].startswith("all 30 compatible partners are needed")


# Fixed examples ------------------------------------------------------------------------------


def test_time_zones_are_compared_at_the_reference_date():
    assert hours_apart("Europe/London", "America/New_York", JANUARY) == 5
    assert hours_apart("Asia/Kolkata", "UTC", JANUARY) == 5.5
    # Sydney is on daylight time in January and London in July.
    assert hours_apart("Australia/Sydney", "Europe/London", JANUARY) == 11
    assert hours_apart("Australia/Sydney", "Europe/London", JULY) == 9
    # Auckland is UTC+13 in January: 13 hours one way is 11 the other.
    assert hours_apart("Pacific/Auckland", "Europe/London", JANUARY) == 11
    assert waking_overlap_hours(0) == 14
    assert waking_overlap_hours(6) == 8
    # 08:00-22:00 windows 11 hours apart share 3 hours at one end and 1 at the other.
    assert waking_overlap_hours(11) == 4
    assert [timezone_points(hours) for hours in (0, 3, 6, 12)] == [30, 24, 17, 9]
    with pytest.raises(ValueError, match="unknown time zone"):
        hours_apart("Mars/Olympus_Mons", "UTC")


def test_score_and_reasons_of_a_known_pair():
    aroha = Applicant(
        id=1,
        country="NZ",
        sector="academic",
        career_stage="mid",
        interests={"open access", "cataloguing", "metadata"},
        match_preference="sector",
        timezone="Pacific/Auckland",
        returning=True,
    )
    bea = Applicant(
        id=2,
        country="GB",
        sector="academic",
        career_stage="early",
        interests={"open access", "cataloguing", "rare books"},
        match_preference="career_stage",
        timezone="Europe/London",
    )
    score, reasons = score_pair(aroha, bea, JANUARY)
    # 24 for two shared interests, 15 + 8 for the preferences (same sector; adjacent stage),
    # 9 for 4 shared waking hours at 11 h apart, 10 for the newcomer with a returner.
    assert score == 24 + 15 + 8 + 9 + 10
    assert reasons == [
        "both academic",
        "mid-career and early-career",
        "share cataloguing, open access",
        "11 h apart",
        "a newcomer with a returning participant",
        "2 wanted the same career stage (adjacent)",
    ]
    assert score_pair(bea, aroha, JANUARY)[0] == score


def test_reasons_say_when_preferences_are_met_or_not():
    a = Applicant(id="a", country="KE", sector="public", match_preference="interest")
    b = Applicant(id="b", country="IN", sector="school", match_preference="sector")
    score, reasons = score_pair(a, b)
    assert "a wanted a shared interest" in reasons and "b wanted the same sector" in reasons
    assert score == 0 + 0 + 0 + timezone_points(0) + 0
    c = Applicant(id="c", country="IN", sector="public", interests={"x"})
    d = Applicant(id="d", country="KE", sector="public", interests={"x"}, returning=True)
    assert score_pair(c, d) == (
        15 + 15 + 15 + 30 + 10,
        [
            "both public",
            "both mid-career",
            "share x",
            "same time zone",
            "a newcomer with a returning participant",
            "preferences met",
        ],
    )


def test_check_pair_names_every_broken_rule():
    a = Applicant(id=1, country="NZ", previous_partners={2}, english_confirmed=False)
    b = Applicant(id=2, country="nz")
    assert check_pair(a, b, {frozenset((1, 2))}) == [
        "both from NZ",
        "partners before",
        "1 has not confirmed English",
        "a forbidden pair",
    ]
    assert check_pair(a, Applicant(id=3, country="AU")) == ["1 has not confirmed English"]
    assert check_pair(b, Applicant(id=3, country="AU")) == []


def test_a_pin_that_breaks_a_rule_is_refused_with_its_reason():
    applicants = [
        Applicant(id=1, country="NZ"),
        Applicant(id=2, country="NZ"),
        Applicant(id=3, country="AU", previous_partners={4}),
        Applicant(id=4, country="GB"),
    ]
    with pytest.raises(InvalidPins) as refused:
        propose_matching(applicants, pinned=[(1, 2), (3, 4)])
    assert refused.value.problems == [
        "pin 1 & 2: both from NZ",
        "pin 3 & 4: partners before",
    ]
    assert pin_problems(applicants, [(1, 3), (3, 9)]) == [
        "pin 3 & 9: 9 is not an applicant",
        "pin 3 & 9: 3 is already pinned",
    ]
    assert pin_problems(applicants, [(1, 4)], forbidden=[(4, 1)]) == ["pin 1 & 4: a forbidden pair"]
    kept = propose_matching(applicants, pinned=[(1, 4)])
    assert kept.groups[0].members == (1, 4) and kept.groups[0].pinned
    assert kept.groups[0].reasons[0] == "pinned by a coordinator"


def test_unmatched_people_are_told_why():
    applicants = [
        Applicant(id=1, country="NZ"),
        Applicant(id=2, country="NZ"),
        Applicant(id=3, country="AU", previous_partners={1}),
        Applicant(id=4, country="GB", english_confirmed=False),
    ]
    result = propose_matching(applicants, forbidden=[(2, 3)])
    assert result.groups == []
    assert result.unmatched == [
        (
            1,
            "no compatible partner among the 2 others: 1 from the same country, 1 previous partner",
        ),
        (2, "no compatible partner among the 2 others: 1 from the same country, 1 forbidden pair"),
        (3, "no compatible partner among the 2 others: 1 previous partner, 1 forbidden pair"),
        (4, "has not confirmed English"),
    ]


def test_the_odd_one_out_joins_the_pair_it_fits_best():
    # Two natural pairs; the fifth shares everything with the first pair and nothing with
    # the second (and is 12 hours from it).
    shared = {"open access", "cataloguing", "metadata", "outreach"}
    first = [Applicant(id=n, country=c, interests=shared) for n, c in ((1, "NZ"), (2, "AU"))]
    second = [
        Applicant(id=n, country=c, timezone="Pacific/Auckland") for n, c in ((3, "FJ"), (4, "TO"))
    ]
    odd = Applicant(id=5, country="GB", interests=shared)
    result = propose_matching(first + second + [odd])
    assert {group.members for group in result.groups} == {(1, 2, 5), (3, 4)}
    trio = next(group for group in result.groups if group.is_trio)
    assert trio.score == pytest.approx(sum(score_pair(a, b)[0] for a, b in
                                           combinations(first + [odd], 2)) / 3)  # fmt: skip
    assert trio.reasons[0].startswith("1 & 2: ")


def test_rescoring_after_a_swap_reports_the_broken_rule():
    a = Applicant(id=1, country="NZ", interests={"x"})
    b = Applicant(id=2, country="AU", interests={"x"})
    c = Applicant(id=3, country="NZ")
    swapped = rescore_group([c, a])
    assert swapped.problems == ("both from NZ",)
    fine = rescore_group([b, a])
    assert fine.members == (1, 2) and fine.problems == ()
    assert fine.score == score_pair(a, b)[0]
    trio = rescore_group([a, b, c])
    assert trio.problems == ("1 & 3: both from NZ",)
    with pytest.raises(ValueError):
        rescore_group([a])


def test_violations_catch_a_bad_manual_change():
    a = Applicant(id=1, country="NZ")
    b = Applicant(id=2, country="NZ")
    c = Applicant(id=3, country="AU")
    result = Matching(
        groups=[Group((1, 2), 50.0, ()), Group((2, 3), 50.0, ())],
        unmatched=[],
        applicants={1: a, 2: b, 3: c},
        pinned=((1, 3),),
    )
    assert result.violations() == [
        "1 & 2: both from NZ",
        "2 is in 2 groups",
        "pinned pair 1 & 3 is not kept together",
    ]
