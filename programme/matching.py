"""Match a round's applicants into partnerships of equals: pairs, and one trio if numbers are odd.

Plain Python (the standard library and rustworkx), with no Django: the programme app turns
applications into `Applicant`s (mapping previous partners' e-mails to application ids),
calls `propose_matching`, and stores the `Matching` it returns.

Hard rules, never broken (`check_pair` names them in words):
- partners come from different countries;
- nobody is matched with a previous partner;
- both have confirmed they can take part in English (anyone else is left unmatched);
- pinned pairs are kept as given (a pin that breaks a rule is refused, see `pin_problems`);
- forbidden pairs are never made.

Soft score of a pair, 0 to 100 points:
- shared interests, up to 30: 0, 15, 24, 28 and 30 points for 0, 1, 2, 3 and 4+ shared;
- each member's match preference honoured, 15 each: `interest` by a shared interest,
  `sector` by the same sector, `career_stage` by the same stage (8 for an adjacent one:
  student, early, mid, senior), `open` by anyone;
- waking-hours overlap, up to 30: 30 x (hours both are between 08:00 and 22:00 local) / 14,
  rounded; UTC offsets are taken at a reference date (the round's start, say) so daylight
  saving time is counted as it will be;
- a newcomer with a returning participant, 10.
A trio's score is the mean of its three pair scores.

The objective is first to match as many people as possible, then the highest total score,
where the total adds up every matched person's group score: a pair counts twice its score, a
trio the sum of its three pair scores. `Matching.mean_score` is that total per matched person.

How:
1. Pins are checked and set aside; applicants without English confirmation are unmatched.
2. A candidate graph: each applicant's `candidates_per_person` best-scoring compatible
   applicants (an edge stays when it is in either end's list), and a second look at prices:
   a greedy matching of those edges prices each applicant at half their greedy partner's
   score, and each applicant also keeps their best candidates by score minus price. That
   reaches the partners a crowded country needs (most of a large US cohort has to pair with
   Europe or Asia, whose own best candidates are nearer home). One applicant's scores against
   the whole pool are computed in one go, a byte per applicant, with bytes.translate lookups
   added up as big integers (`_PoolScores`), rather than 12.5 million Python-level calls
   for 5,000 applicants.
3. Maximum-weight matching of maximum cardinality on that graph (rustworkx, Edmonds'
   blossom algorithm): optimal on the graph, not greedy. Nobody is left out for want of
   candidates: if people with compatible candidates are stranded, their lists are widened
   to every compatible applicant, then everyone's lists four times longer, up to the full
   graph, until the matching is as large as it can be.
4. An odd one out joins the pair where the total gains most (S_xa + S_xb - S_ab); then
   exchanges are tried while they raise the total: the odd one out takes the place of c
   beside one of its best candidates d, and c becomes the odd one out. A pinned pair takes
   a third member only when no other pair can. Pools of up to TRIO_SEARCH_MAX_POOL also
   try every trio with the rest matched anew, which makes small rounds exact and places the
   odd one out when no pair could take them.

`exact_optimum` runs the same steps on the full, unpruned graph, for comparison.
Results are deterministic: applicants are processed in order of id, and nothing is random.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from itertools import combinations, islice
from statistics import fmean
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import rustworkx

SECTORS = (
    "academic",
    "public",
    "school",
    "special",
    "national",
    "archives",
    "museum",
    "lis-education",
    "other",
)
CAREER_STAGES = ("student", "early", "mid", "senior")
MATCH_PREFERENCES = ("interest", "career_stage", "sector", "open")

INTEREST_POINTS = (0, 15, 24, 28, 30)  # by number of shared interests; 4 or more count as 4
PREFERENCE_POINTS = 15  # per member whose preference is honoured
ADJACENT_STAGE_POINTS = 8  # a career_stage preference met by the next stage up or down
TIMEZONE_POINTS = 30
MIX_POINTS = 10  # a newcomer with a returning participant
MAX_SCORE = INTEREST_POINTS[-1] + 2 * PREFERENCE_POINTS + TIMEZONE_POINTS + MIX_POINTS

WAKING_HOURS = (8, 22)  # local time
DEFAULT_REFERENCE = datetime(2025, 1, 15, 12, tzinfo=UTC)
DEFAULT_CANDIDATES = 30

# Each applicant's best candidates by score minus the price of the candidate (see
# _Solver.candidate_edges), on top of the candidates_per_person best by score.
SECOND_LOOK_CANDIDATES = 10
# The odd one out tries to trade places with this many of its best candidates.
EXCHANGE_CANDIDATES = 60
# Pools up to this size also try every trio, the rest matched anew for each (up to the
# budget), and keep the best: exact for small rounds, and a way out when no pair could take
# the odd one out. Large pools always have a pair to join in practice.
TRIO_SEARCH_MAX_POOL = 60
TRIO_SEARCH_BUDGET = 500

STAGE_WORDS = {
    "student": "student",
    "early": "early-career",
    "mid": "mid-career",
    "senior": "senior",
}
PREFERENCE_WORDS = {
    "interest": "a shared interest",
    "sector": "the same sector",
    "career_stage": "the same career stage",
}


@dataclass(frozen=True)
class Applicant:
    id: Hashable
    country: str  # ISO 3166-1 alpha-2
    sector: str = "other"
    career_stage: str = "mid"
    interests: frozenset[str] = frozenset()
    match_preference: str = "open"
    timezone: str = "UTC"  # IANA name
    returning: bool = False
    previous_partners: frozenset[Hashable] = frozenset()  # ids of earlier partners
    english_confirmed: bool = True

    def __post_init__(self):
        for name, allowed in (
            ("sector", SECTORS),
            ("career_stage", CAREER_STAGES),
            ("match_preference", MATCH_PREFERENCES),
        ):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{self.id}: unknown {name} {getattr(self, name)!r}")
        # Accept any iterable for the set fields, so callers may pass lists.
        object.__setattr__(self, "interests", frozenset(self.interests))
        object.__setattr__(self, "previous_partners", frozenset(self.previous_partners))
        object.__setattr__(self, "country", self.country.upper())


@dataclass(frozen=True)
class Group:
    members: tuple[Hashable, ...]  # two or three ids
    score: float  # 0 to 100; a trio's is the mean of its three pair scores
    reasons: tuple[str, ...]  # for a coordinator, e.g. ("both academic", "3 h apart")
    pinned: bool = False
    problems: tuple[str, ...] = ()  # hard rules broken: only ever after a manual change

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons)

    @property
    def is_trio(self) -> bool:
        return len(self.members) == 3


@dataclass
class Matching:
    groups: list[Group]
    unmatched: list[tuple[Hashable, str]]  # (id, reason)
    elapsed_seconds: float = 0.0
    # What the matching was asked to respect, for violations().
    applicants: dict[Hashable, Applicant] = field(default_factory=dict, repr=False)
    pinned: tuple[tuple[Hashable, Hashable], ...] = field(default=(), repr=False)
    forbidden: frozenset[frozenset] = field(default=frozenset(), repr=False)

    @property
    def matched_count(self) -> int:
        return sum(len(group.members) for group in self.groups)

    @property
    def total_score(self) -> float:
        """Every matched person's group score, added up (comparable between matchings)."""
        return sum(len(group.members) * group.score for group in self.groups)

    @property
    def mean_score(self) -> float:
        """The mean group score per matched person."""
        return self.total_score / self.matched_count if self.groups else 0.0

    def violations(self) -> list[str]:
        """Every hard rule the groups break, in words; empty when the matching is sound."""
        problems = []
        placed: dict[Hashable, int] = {}
        for group in self.groups:
            if len(group.members) not in (2, 3):
                problems.append(f"{_names(group.members)}: a group has 2 or 3 members")
            for member in group.members:
                if member not in self.applicants:
                    problems.append(f"{member} is not an applicant")
                placed[member] = placed.get(member, 0) + 1
            for a, b in combinations(group.members, 2):
                if a in self.applicants and b in self.applicants:
                    problems.extend(
                        f"{a} & {b}: {problem}"
                        for problem in check_pair(
                            self.applicants[a], self.applicants[b], self.forbidden
                        )
                    )
        if sum(group.is_trio for group in self.groups) > 1:
            problems.append("more than one trio")
        for person, count in placed.items():
            if count > 1:
                problems.append(f"{person} is in {count} groups")
        for person, _reason in self.unmatched:
            if person in placed:
                problems.append(f"{person} is both matched and unmatched")
        accounted = placed.keys() | {person for person, _reason in self.unmatched}
        problems.extend(
            f"{person} is missing" for person in self.applicants if person not in accounted
        )
        together = {member: group.members for group in self.groups for member in group.members}
        for a, b in self.pinned:
            if b not in together.get(a, ()):
                problems.append(f"pinned pair {a} & {b} is not kept together")
        return problems


class InvalidPins(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


# Time zones ------------------------------------------------------------------------------


@cache
def utc_offset_minutes(timezone: str, reference: datetime = DEFAULT_REFERENCE) -> int:
    """The zone's UTC offset at the reference moment, in minutes (cached per zone)."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {timezone!r}") from error
    return int(_aware(reference).astimezone(zone).utcoffset().total_seconds()) // 60


def hours_apart(timezone_a: str, timezone_b: str, reference: datetime = DEFAULT_REFERENCE) -> float:
    """How far apart two zones' clocks are, the short way round the day (0 to 12 hours)."""
    minutes = utc_offset_minutes(timezone_a, reference) - utc_offset_minutes(timezone_b, reference)
    return _minutes_apart(minutes) / 60


def waking_overlap_hours(apart: float) -> float:
    """Hours both partners are awake when their clocks are `apart` hours apart."""
    start, end = WAKING_HOURS
    awake = end - start
    # The two windows overlap on the near side and, once they are far enough apart to wrap
    # round midnight, on the far side too.
    return max(0.0, awake - apart) + max(0.0, apart - (24 - awake))


def timezone_points(apart: float) -> int:
    start, end = WAKING_HOURS
    return round(TIMEZONE_POINTS * waking_overlap_hours(apart) / (end - start))


def _minutes_apart(difference: int) -> int:
    difference %= 24 * 60
    return min(difference, 24 * 60 - difference)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# Rules and scores of one pair -------------------------------------------------------------


def check_pair(a: Applicant, b: Applicant, forbidden: Iterable = frozenset()) -> list[str]:
    """The hard rules that partnering a with b would break, in words (empty if none)."""
    if a.id == b.id:
        return ["the same person"]
    problems = []
    if a.country == b.country:
        problems.append(f"both from {a.country}")
    if a.id in b.previous_partners or b.id in a.previous_partners:
        problems.append("partners before")
    problems.extend(
        f"{person.id} has not confirmed English"
        for person in (a, b)
        if not person.english_confirmed
    )
    if frozenset((a.id, b.id)) in _pair_set(forbidden):
        problems.append("a forbidden pair")
    return problems


def score_pair(
    a: Applicant, b: Applicant, reference: datetime = DEFAULT_REFERENCE
) -> tuple[int, list[str]]:
    """The pair's soft score (0 to 100) and its reasons in words; hard rules aside."""
    shared = sorted(a.interests & b.interests)
    apart = hours_apart(a.timezone, b.timezone, reference)
    mixed = a.returning != b.returning
    preference_points = [_preference_points(x, y, len(shared)) for x, y in ((a, b), (b, a))]
    score = (
        _interest_points(len(shared))
        + sum(preference_points)
        + timezone_points(apart)
        + (MIX_POINTS if mixed else 0)
    )

    reasons = [
        f"both {a.sector}" if a.sector == b.sector else f"{a.sector} and {b.sector}",
        f"both {STAGE_WORDS[a.career_stage]}"
        if a.career_stage == b.career_stage
        else f"{STAGE_WORDS[a.career_stage]} and {STAGE_WORDS[b.career_stage]}",
        f"share {', '.join(shared)}" if shared else "no shared interests",
        "same time zone" if apart == 0 else f"{apart:g} h apart",
    ]
    if mixed:
        reasons.append("a newcomer with a returning participant")
    for person, points in zip((a, b), preference_points, strict=True):
        if points == ADJACENT_STAGE_POINTS:
            reasons.append(f"{person.id} wanted the same career stage (adjacent)")
        elif points == 0:
            reasons.append(f"{person.id} wanted {PREFERENCE_WORDS[person.match_preference]}")
    if all(points == PREFERENCE_POINTS for points in preference_points):
        reasons.append("preferences met")
    return score, reasons


def rescore_group(
    members: Sequence[Applicant],
    forbidden: Iterable = frozenset(),
    reference: datetime = DEFAULT_REFERENCE,
    *,
    pinned: bool = False,
) -> Group:
    """Score a pair or trio as it stands, e.g. after a coordinator swapped two members;
    hard rules it breaks are listed in `problems`."""
    if len(members) not in (2, 3):
        raise ValueError("a group has 2 or 3 members")
    forbidden = _pair_set(forbidden)
    members = sorted(members, key=lambda person: _id_order(person.id))
    problems = tuple(
        problem if len(members) == 2 else f"{a.id} & {b.id}: {problem}"
        for a, b in combinations(members, 2)
        for problem in check_pair(a, b, forbidden)
    )
    prefix = ("pinned by a coordinator",) if pinned else ()
    ids = tuple(person.id for person in members)
    if len(members) == 2:
        score, reasons = score_pair(*members, reference)
        return Group(ids, float(score), prefix + tuple(reasons), pinned, problems)
    scored = [(a, b, *score_pair(a, b, reference)) for a, b in combinations(members, 2)]
    reasons = tuple(f"{a.id} & {b.id}: {', '.join(words)}" for a, b, _score, words in scored)
    mean = fmean(score for _a, _b, score, _words in scored)
    return Group(ids, mean, prefix + reasons, pinned, problems)


def pin_problems(
    applicants: Iterable[Applicant], pinned: Iterable[Sequence], forbidden: Iterable = ()
) -> list[str]:
    """Why pins cannot be kept, in words (empty when every pin is fine)."""
    by_id = {person.id: person for person in applicants}
    forbidden = _pair_set(forbidden)
    problems = []
    seen = set()
    for pin in pinned:
        pin = tuple(pin)
        if len(pin) != 2:
            problems.append(f"pin {_names(pin)}: a pin names two applicants")
            continue
        label = f"pin {pin[0]} & {pin[1]}"
        missing = [person for person in pin if person not in by_id]
        problems.extend(f"{label}: {person} is not an applicant" for person in missing)
        problems.extend(f"{label}: {person} is already pinned" for person in pin if person in seen)
        seen.update(pin)
        if not missing:
            problems.extend(
                f"{label}: {problem}"
                for problem in check_pair(by_id[pin[0]], by_id[pin[1]], forbidden)
            )
    return problems


def _interest_points(shared: int) -> int:
    return INTEREST_POINTS[min(shared, len(INTEREST_POINTS) - 1)]


def _preference_points(person: Applicant, partner: Applicant, shared: int) -> int:
    """Points for how well `partner` honours `person`'s match preference."""
    wanted = person.match_preference
    if wanted == "open":
        return PREFERENCE_POINTS
    if wanted == "interest":
        return PREFERENCE_POINTS if shared else 0
    if wanted == "sector":
        return PREFERENCE_POINTS if person.sector == partner.sector else 0
    return _stage_points(person.career_stage, partner.career_stage)


def _stage_points(stage: str, other: str) -> int:
    gap = abs(CAREER_STAGES.index(stage) - CAREER_STAGES.index(other))
    return (PREFERENCE_POINTS, ADJACENT_STAGE_POINTS)[gap] if gap < 2 else 0


def _pair_set(pairs: Iterable) -> frozenset[frozenset]:
    if isinstance(pairs, frozenset) and all(isinstance(pair, frozenset) for pair in pairs):
        return pairs
    return frozenset(frozenset(pair) for pair in pairs)


def _id_order(person_id: Hashable):
    # Ids of one type sort naturally; the type name keeps mixed types comparable.
    return (type(person_id).__name__, person_id)


def _names(ids: Iterable) -> str:
    return " & ".join(str(person) for person in ids)


# Scores of one applicant against a whole pool, a byte per applicant ------------------------

_BYTE = [bytes([value]) for value in range(256)]


@cache
def _at_least(value: int) -> re.Pattern:
    return re.compile(rb"[\x%02x-\xff]" % value) if value < 256 else re.compile(rb"(?!)")


@cache
def _exactly(value: int) -> re.Pattern:
    return re.compile(rb"\x%02x" % value)


_NONZERO_TO_FF = bytes([0] + [255] * 255)


def _table(values: Iterable[int]) -> bytes:
    """A 256-byte bytes.translate table from the values for the first codes (0 after)."""
    values = bytes(values)
    return values + bytes(256 - len(values))


class _PoolScores:
    """Scores of one pool member against every member at once.

    `row(i)` is a bytes object whose byte j holds score(i, j) + 1 when i and j may be
    partnered and 0 when a hard rule forbids it (or j is i). Each attribute of the pool is
    kept as a byte string of small codes; one bytes.translate per score component turns the
    codes into points for applicant i, and the components are added as big integers, one
    byte per applicant: no byte ever carries into the next because scores stay below 255.
    """

    def __init__(self, pool: Sequence[Applicant], forbidden: frozenset, reference: datetime):
        self.pool = pool
        self.size = size = len(pool)
        if any(len(person.interests) > 127 for person in pool):
            raise ValueError("at most 127 interests per applicant")  # the count fills 7 bits
        countries = sorted({person.country for person in pool})
        if len(countries) > 255:
            raise ValueError("more than 255 countries: expected ISO 3166-1 alpha-2 codes")

        # Shared interests: 1 per interest applicant j holds, summed over i's interests,
        # plus 128 where j prefers a shared interest (so that preference can be scored too).
        holders: dict[str, bytearray] = {}
        for j, person in enumerate(pool):
            for interest in person.interests:
                holders.setdefault(interest, bytearray(size))[j] = 1
        self._holders = {
            interest: int.from_bytes(flags, "big") for interest, flags in holders.items()
        }
        self._prefers_interest = int.from_bytes(
            bytes(128 if p.match_preference == "interest" else 0 for p in pool), "big"
        )

        # Sector, career stage and preference together make one of 9 x 4 x 4 profiles.
        self._profile_codes = bytes(_PROFILE_CODES[_profile(person)] for person in pool)

        offsets = [utc_offset_minutes(person.timezone, reference) for person in pool]
        distinct = sorted(set(offsets))
        self._offset_code = {offset: code for code, offset in enumerate(distinct)}
        self._offset_codes = bytes(self._offset_code[offset] for offset in offsets)
        self._offsets = offsets
        self._timezone_tables = [
            _table(timezone_points(_minutes_apart(own - other) / 60) for other in distinct)
            for own in distinct
        ]

        self._returning_codes = bytes(person.returning for person in pool)

        # Same country: a mask of 0x00 over compatriots and 0xff elsewhere, applied with &.
        self._country_code = {country: code for code, country in enumerate(countries)}
        self._country_codes = bytes(self._country_code[person.country] for person in pool)

        # The few pairs ruled out one by one: oneself, previous partners, forbidden pairs.
        index = {person.id: i for i, person in enumerate(pool)}
        self.excluded: list[set[int]] = [{i} for i in range(size)]
        for i, person in enumerate(pool):
            for other in person.previous_partners:
                if other in index:
                    self.excluded[i].add(index[other])
                    self.excluded[index[other]].add(i)
        for pair in forbidden:
            if len(pair) == 2 and pair <= index.keys():
                a, b = (index[person] for person in pair)
                self.excluded[a].add(b)
                self.excluded[b].add(a)

    def row(self, i: int) -> bytes:
        person = self.pool[i]
        size = self.size
        shared = self._prefers_interest
        for interest in person.interests:
            shared += self._holders[interest]
        total = (
            int.from_bytes(
                shared.to_bytes(size, "big").translate(
                    _interest_table(person.match_preference == "interest")
                ),
                "big",
            )
            + int.from_bytes(self._profile_codes.translate(_profile_table(_profile(person))), "big")
            + int.from_bytes(
                self._offset_codes.translate(
                    self._timezone_tables[self._offset_code[self._offsets[i]]]
                ),
                "big",
            )
            + int.from_bytes(self._returning_codes.translate(_mix_table(person.returning)), "big")
        )
        mask = self._country_codes.translate(_all_but(self._country_code[person.country]))
        row = bytearray((total & int.from_bytes(mask, "big")).to_bytes(size, "big"))
        for j in self.excluded[i]:
            row[j] = 0
        return bytes(row)


@cache
def _interest_table(wants_shared_interest: bool) -> bytes:
    """Points by shared-interest count (0-127), plus 128 when the candidate wants a shared
    interest: the interest points and both members' `interest` preferences."""
    return _table(
        _interest_points(shared)
        + (PREFERENCE_POINTS if shared and candidate_wants else 0)
        + (PREFERENCE_POINTS if shared and wants_shared_interest else 0)
        for candidate_wants in (False, True)
        for shared in range(128)
    )


_PROFILES = [(s, c, p) for s in SECTORS for c in CAREER_STAGES for p in MATCH_PREFERENCES]
_PROFILE_CODES = {profile: code for code, profile in enumerate(_PROFILES)}


@cache
def _profile_table(own: tuple[str, str, str]) -> bytes:
    return _table(_profile_points(own, other) for other in _PROFILES)


@cache
def _all_but(code: int) -> bytes:
    return _table(0 if other == code else 255 for other in range(256))


@cache
def _mix_table(returning: bool) -> bytes:
    # The + 1 that marks a compatible candidate rides on this table.
    return _table(1 + (MIX_POINTS if returning != other else 0) for other in (False, True))


def _profile(person: Applicant) -> tuple[str, str, str]:
    return (person.sector, person.career_stage, person.match_preference)


def _profile_points(own: tuple[str, str, str], other: tuple[str, str, str]) -> int:
    """Preference points of a pair from sectors and stages; `interest` is scored elsewhere."""
    return _profile_preference(own, other) + _profile_preference(other, own)


def _profile_preference(person: tuple[str, str, str], partner: tuple[str, str, str]) -> int:
    sector, stage, wanted = person
    if wanted == "open":
        return PREFERENCE_POINTS
    if wanted == "sector":
        return PREFERENCE_POINTS if sector == partner[0] else 0
    if wanted == "career_stage":
        return _stage_points(stage, partner[1])
    return 0  # interest: depends on the pair's shared interests, scored with them


def _best_candidates(row: bytes, count: int | None, highest: int = MAX_SCORE + 1) -> list[int]:
    """The positions of the `count` highest non-zero bytes (all of them for None), no byte
    being above `highest`; ties at the cut-off go to the lowest positions, so the choice is
    deterministic."""
    if count is not None:
        needed = count
        for value in range(highest, 0, -1):
            found = row.count(_BYTE[value])
            if found >= needed:
                above = [match.start() for match in _at_least(value + 1).finditer(row)]
                ties = islice(_exactly(value).finditer(row), needed)
                return above + [match.start() for match in ties]
            needed -= found
    return [match.start() for match in _at_least(1).finditer(row)]


# The matching ------------------------------------------------------------------------------


def propose_matching(
    applicants: Iterable[Applicant],
    pinned: Iterable[Sequence] = (),
    forbidden: Iterable = (),
    *,
    reference: datetime = DEFAULT_REFERENCE,
    candidates_per_person: int | None = DEFAULT_CANDIDATES,
) -> Matching:
    """Propose pairs (and one trio when numbers are odd) for a round; see the module notes.

    `pinned`: pairs of ids to keep as given; `forbidden`: pairs of ids never to make.
    `candidates_per_person=None` uses the full graph of compatible pairs (`exact_optimum`).
    Raises InvalidPins, listing every problem, if a pin cannot be kept."""
    started = time.perf_counter()
    if candidates_per_person is not None and candidates_per_person < 1:
        raise ValueError("candidates_per_person must be at least 1 (or None for every one)")
    applicants = sorted(applicants, key=lambda person: _id_order(person.id))
    by_id = {person.id: person for person in applicants}
    if len(by_id) != len(applicants):
        raise ValueError("applicant ids must be unique")
    pinned = tuple(tuple(pin) for pin in pinned)
    forbidden = _pair_set(forbidden)
    if problems := pin_problems(applicants, pinned, forbidden):
        raise InvalidPins(problems)

    pinned_ids = {person for pin in pinned for person in pin}
    unmatched = [
        (person.id, "has not confirmed English")
        for person in applicants
        if not person.english_confirmed and person.id not in pinned_ids
    ]
    pool = [p for p in applicants if p.english_confirmed and p.id not in pinned_ids]
    pinned_groups = [
        tuple(sorted((by_id[a], by_id[b]), key=lambda person: _id_order(person.id)))
        for a, b in pinned
    ]

    solver = _Solver(pool, forbidden, reference, candidates_per_person)
    pairs, trio, stranded = solver.solve(pinned_groups)

    groups = [
        rescore_group(members, forbidden, reference, pinned=True) for members in pinned_groups
    ]
    if trio and trio.pinned_host is not None:
        host = pinned_groups[trio.pinned_host]
        groups[trio.pinned_host] = rescore_group(
            (*host, pool[trio.odd_one]), forbidden, reference, pinned=True
        )
    groups.extend(rescore_group((pool[i], pool[j]), forbidden, reference) for i, j in pairs)
    if trio and trio.pinned_host is None:
        members = (pool[trio.odd_one], *(pool[i] for i in trio.host))
        groups.append(rescore_group(members, forbidden, reference))
    groups.sort(key=lambda group: (not group.pinned, _id_order(group.members[0])))

    unmatched.extend((pool[i].id, solver.why_unmatched(i, trio is not None)) for i in stranded)
    unmatched.sort(key=lambda item: _id_order(item[0]))
    return Matching(
        groups=groups,
        unmatched=unmatched,
        elapsed_seconds=time.perf_counter() - started,
        applicants=by_id,
        pinned=pinned,
        forbidden=forbidden,
    )


def exact_optimum(
    applicants: Iterable[Applicant],
    pinned: Iterable[Sequence] = (),
    forbidden: Iterable = (),
    *,
    reference: datetime = DEFAULT_REFERENCE,
) -> Matching:
    """The maximum-weight matching on the full, unpruned graph of compatible pairs (the odd
    one out is placed as in propose_matching): the yardstick for the pruned graph."""
    return propose_matching(
        applicants, pinned, forbidden, reference=reference, candidates_per_person=None
    )


@dataclass
class _Trio:
    odd_one: int
    host: tuple[int, int] | None  # a pair of the pool, or
    pinned_host: int | None  # the index of a pinned pair
    gain: int  # what the trio adds to the total: S_xa + S_xb - S_ab


class _Solver:
    """The matching of one pool, by index into `pool` (sorted by id)."""

    def __init__(self, pool, forbidden, reference, candidates_per_person):
        self.pool = pool
        self.forbidden = forbidden
        self.reference = reference
        self.candidates_per_person = candidates_per_person
        scores = _PoolScores(pool, forbidden, reference)
        # A byte per pair: 25 MB for 5,000 applicants, and every row is needed at least once.
        self.rows = [scores.row(i) for i in range(len(pool))]

    def solve(self, pinned_groups):
        """(pairs, trio or None, stranded indices) for the pool."""
        size = len(self.pool)
        hopeless = {i for i in range(size) if not self.compatible_count(i)}
        # Some must stay single however the graph is pruned: those with no compatible
        # applicant, one of an odd number, and the surplus of a country holding over half.
        hopeful = [self.pool[i].country for i in range(size) if i not in hopeless]
        largest = max(Counter(hopeful).values(), default=0)
        unavoidable = len(hopeless) + max(len(hopeful) % 2, 2 * largest - len(hopeful))
        if self.candidates_per_person is None:
            partner = self.match_full_graph()
        else:
            edges = self.candidate_edges(self.candidates_per_person)
            partner = self.match(edges)
            # Nobody is left out for want of candidates: widen the lists of those stranded,
            # then, should an augmenting path need more, everyone's, up to the full graph.
            if size - len(partner) > unavoidable:
                for i in set(range(size)) - partner.keys() - hopeless:
                    edges.update(
                        (min(i, j), max(i, j)) for j in _best_candidates(self.rows[i], None)
                    )
                partner = self.match(edges)
            count = self.candidates_per_person
            while size - len(partner) > unavoidable:
                count *= 4
                if count >= size:
                    partner = self.match_full_graph()
                    break
                edges |= self.candidate_edges(count)
                partner = self.match(edges)

        pairs = {(i, j): self.rows[i][j] - 1 for i, j in partner.items() if i < j}
        stranded = sorted(set(range(size)) - partner.keys())
        trio = self.place_odd_one(pairs, stranded, pinned_groups)
        if stranded and size <= TRIO_SEARCH_MAX_POOL:
            pairs, trio = self.search_every_trio(pairs, trio, stranded, pinned_groups)
        placed = {i for pair in pairs for i in pair} | ({trio.odd_one} if trio else set())
        if trio is not None and trio.host is not None:
            del pairs[trio.host]
        return sorted(pairs), trio, [i for i in range(size) if i not in placed]

    def candidate_edges(self, count: int) -> set[tuple[int, int]]:
        """Each applicant's `count` best candidates, and a second look: a candidate's price is
        half the score of the partner a greedy matching gives them, and each applicant also
        gets their best candidates by score minus price. Those are the edges likely to beat
        what the candidates would have anyway; they reach the partners the people of a crowded
        country need (most of a large US cohort has to pair with Europe or Asia)."""
        edges = set()
        for i, row in enumerate(self.rows):
            edges.update((min(i, j), max(i, j)) for j in _best_candidates(row, count))
        prices = bytearray(len(self.pool))
        taken = set()
        for score, i, j in sorted(((self.rows[i][j] - 1, i, j) for i, j in edges), reverse=True):
            if i not in taken and j not in taken:
                taken.update((i, j))
                prices[i] = prices[j] = score // 2
        # Byte j of a row becomes score + 1 + MAX_SCORE - price_j where compatible (0 if not).
        discounts = int.from_bytes(bytes(MAX_SCORE - price for price in prices), "big")
        for i, row in enumerate(self.rows):
            compatible = int.from_bytes(row.translate(_NONZERO_TO_FF), "big")
            value = (int.from_bytes(row, "big") + discounts) & compatible
            second_look = value.to_bytes(len(row), "big")
            edges.update(
                (min(i, j), max(i, j))
                for j in _best_candidates(second_look, SECOND_LOOK_CANDIDATES, 2 * MAX_SCORE + 1)
            )
        return edges

    def compatible_count(self, i: int) -> int:
        return len(self.rows[i]) - self.rows[i].count(0)

    def match(self, edges: Iterable[tuple[int, int]]) -> dict[int, int]:
        weighted = [(i, j, self.rows[i][j] - 1) for i, j in sorted(edges)]
        return _max_weight_partners(len(self.pool), [weighted])

    def match_full_graph(self) -> dict[int, int]:
        chunks = (
            [
                (i, found.start(), row[found.start()] - 1)
                for found in _at_least(1).finditer(row, i + 1)
            ]
            for i, row in enumerate(self.rows)
        )
        return _max_weight_partners(len(self.pool), chunks)

    # The odd one out -----------------------------------------------------------------------

    def best_host(self, odd_one: int, pairs: dict[tuple[int, int], int]) -> _Trio | None:
        """The pool pair that gains most from taking `odd_one` as a third member."""
        row = self.rows[odd_one]
        best = None
        for (a, b), score in pairs.items():
            if row[a] and row[b]:
                gain = row[a] + row[b] - 2 - score
                if best is None or gain > best.gain:
                    best = _Trio(odd_one, (a, b), None, gain)
        return best

    def pinned_trio(self, odd_one: int, index: int, pinned_groups) -> _Trio | None:
        person, (a, b) = self.pool[odd_one], pinned_groups[index]
        if check_pair(person, a, self.forbidden) or check_pair(person, b, self.forbidden):
            return None
        gain = (
            score_pair(person, a, self.reference)[0]
            + score_pair(person, b, self.reference)[0]
            - score_pair(a, b, self.reference)[0]
        )
        return _Trio(odd_one, None, index, gain)

    def place_odd_one(self, pairs, stranded, pinned_groups) -> _Trio | None:
        """Choose the one trio, preferring a pool pair to a pinned one as its host; exchanges
        that raise the total are made in `pairs`."""
        trios = [trio for i in stranded if (trio := self.best_host(i, pairs))]
        if not trios:
            pinned = [
                trio
                for i in stranded
                for index in range(len(pinned_groups))
                if (trio := self.pinned_trio(i, index, pinned_groups))
            ]
            return max(pinned, key=lambda trio: trio.gain, default=None)
        trio = max(trios, key=lambda trio: trio.gain)
        if len(stranded) == 1:
            trio = self.exchange(trio, pairs)
        return trio

    def exchange(self, trio: _Trio, pairs: dict[tuple[int, int], int]) -> _Trio:
        """While it raises the total, let the odd one out x take the place of c beside one of
        its best candidates d, c becoming the odd one out and joining its best pair."""
        partner = {i: j for pair in pairs for i, j in (pair, pair[::-1])}
        for _round in range(20):
            x = trio.odd_one
            best_change, best_move = 0, None
            for d in _best_candidates(self.rows[x], EXCHANGE_CANDIDATES):
                c = partner[d]
                old_pair, new_pair = (min(c, d), max(c, d)), (min(x, d), max(x, d))
                new_score = self.rows[x][d] - 1
                trial = dict(pairs)
                del trial[old_pair]
                trial[new_pair] = new_score
                displaced = self.best_host(c, trial)
                if displaced is None:
                    continue
                change = 2 * (new_score - pairs[old_pair]) + displaced.gain - trio.gain
                if change > best_change:
                    best_change, best_move = change, (old_pair, new_pair, new_score, displaced)
            if best_move is None:
                break
            old_pair, new_pair, new_score, trio = best_move
            del pairs[old_pair]
            pairs[new_pair] = new_score
            partner[new_pair[0]], partner[new_pair[1]] = new_pair[1], new_pair[0]
            del partner[trio.odd_one]
        return trio

    def search_every_trio(self, pairs, trio, stranded, pinned_groups):
        """Small pools: try every trio, the rest paired off as well as possible, and keep the
        best (most people matched, then the highest total), the given one included. Should
        there be more trios than the budget allows, only a pool without a trio searches."""
        best = (self.value(pairs, trio), pairs, trio)
        options = list(islice(self.possible_trios(stranded, pinned_groups), TRIO_SEARCH_BUDGET + 1))
        if len(options) > TRIO_SEARCH_BUDGET and trio is not None:
            return pairs, trio
        rows = self.rows
        for option in options[:TRIO_SEARCH_BUDGET]:
            in_trio = {option.odd_one, *(option.host or ())}
            rest = [i for i in range(len(self.pool)) if i not in in_trio]
            partner = self.match((i, j) for i, j in combinations(rest, 2) if rows[i][j])
            option_pairs = {(i, j): rows[i][j] - 1 for i, j in partner.items() if i < j}
            if option.host is not None:
                option_pairs[option.host] = rows[option.host[0]][option.host[1]] - 1
            if (value := self.value(option_pairs, option)) > best[0]:
                best = (value, option_pairs, option)
        return best[1:]

    @staticmethod
    def value(pairs, trio) -> tuple[int, bool, int]:
        """How good pool pairs (a trio's host among them) and a trio are, best highest:
        people placed, then pinned pairs left as pairs, then the total score."""
        placed = 2 * len(pairs) + (trio is not None)
        pins_kept = trio is None or trio.pinned_host is None
        return placed, pins_kept, 2 * sum(pairs.values()) + (trio.gain if trio else 0)

    def possible_trios(self, stranded, pinned_groups):
        """Every trio, those of the stranded first."""
        rows, size = self.rows, len(self.pool)
        for x in [*stranded, *(i for i in range(size) if i not in stranded)]:
            for index in range(len(pinned_groups)):
                if trio := self.pinned_trio(x, index, pinned_groups):
                    yield trio
            for a, b in combinations(range(size), 2):
                if x not in (a, b) and rows[x][a] and rows[x][b] and rows[a][b]:
                    # (S_xa + 1) + (S_xb + 1) - (S_ab + 1) - 1
                    yield _Trio(x, (a, b), None, rows[x][a] + rows[x][b] - rows[a][b] - 1)

    def why_unmatched(self, i: int, trio_formed: bool) -> str:
        if compatible := self.compatible_count(i):
            ending = "the one trio is taken" if trio_formed else "no pair can take a third member"
            return f"all {compatible} compatible partners are needed in other pairs, and {ending}"
        person = self.pool[i]
        # Whatever rules out each other member of the pool, counted by kind.
        kinds = {"partners before": "previous partner", "a forbidden pair": "forbidden pair"}
        counts: dict[str, int] = {}
        for other in self.pool:
            for problem in check_pair(person, other, self.forbidden):
                if problem.startswith("both from"):
                    counts["from the same country"] = counts.get("from the same country", 0) + 1
                elif problem in kinds:
                    noun = kinds[problem]
                    counts[noun] = counts.get(noun, 0) + 1
        detail = ", ".join(
            f"{count} {kind}{'s' if count > 1 and not kind.startswith('from') else ''}"
            for kind, count in counts.items()
        )
        others = len(self.pool) - 1
        return f"no compatible partner among the {others} others" + (
            f": {detail}" if detail else ""
        )


def _max_weight_partners(size: int, edge_chunks: Iterable[list[tuple[int, int, int]]]):
    """Maximum-cardinality, maximum-weight matching of nodes 0..size-1 given weighted edges
    (in chunks, so the full graph need not be held as Python tuples at once): returns
    {node: partner}, both ways."""
    graph = rustworkx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(size))
    for chunk in edge_chunks:
        graph.add_edges_from(chunk)
    matched = rustworkx.max_weight_matching(graph, max_cardinality=True, weight_fn=int)
    return {i: j for pair in matched for i, j in (pair, pair[::-1])}
