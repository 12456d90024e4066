"""Rounds: checked, one-step state moves; the partnership end date; clean(); and which round
the site talks about (Round.objects.current())."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programme.models import Round, add_months

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

State = Round.State
ORDER = [State.DRAFT, State.OPEN, State.CLOSED, State.MATCHING, State.RUNNING, State.FINISHED]


# State moves ---------------------------------------------------------------------------------


def test_a_round_starts_as_a_draft_and_walks_every_state_in_order():
    round_ = Round.objects.create(
        name="Spring",
        slug="spring",
        applications_open=timezone.now(),
        applications_close=timezone.now() + datetime.timedelta(days=7),
        partnership_start=timezone.localdate() + datetime.timedelta(days=21),
    )
    assert round_.state == State.DRAFT
    for target in ORDER[1:]:
        assert round_.next_state == target
        round_.move_to(target)
        round_.refresh_from_db()
        assert round_.state == target
    assert round_.next_state is None


@pytest.mark.parametrize(
    "current, target",
    [
        (current, target)
        for current, target in itertools.product(ORDER, ORDER)
        if ORDER.index(target) != ORDER.index(current) + 1
    ],
)
def test_skipping_staying_or_going_back_is_refused_with_the_reason(make_round, current, target):
    round_ = make_round(current)
    with pytest.raises(ValidationError) as raised:
        round_.move_to(target)
    current_label = str(State(current).label).lower()
    target_label = str(State(target).label).lower()
    assert raised.value.messages == [
        f"A round that is {current_label} cannot become {target_label}."
    ]
    round_.refresh_from_db()
    assert round_.state == current


def test_a_refused_move_saves_nothing_else(make_round):
    round_ = make_round(State.OPEN, name="Kept")
    round_.name = "Changed in memory only"
    with pytest.raises(ValidationError):
        round_.move_to(State.MATCHING)
    assert Round.objects.get(pk=round_.pk).name == "Kept"


def test_a_move_saves_only_the_state(make_round):
    round_ = make_round(State.OPEN, name="Kept")
    Round.objects.filter(pk=round_.pk).update(name="Renamed elsewhere")
    round_.move_to(State.CLOSED)
    stored = Round.objects.get(pk=round_.pk)
    assert (stored.state, stored.name) == (State.CLOSED, "Renamed elsewhere")


# Partnership end -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, end",
    [
        (datetime.date(2026, 3, 15), datetime.date(2026, 7, 15)),
        (datetime.date(2026, 9, 1), datetime.date(2027, 1, 1)),  # over the new year
        (datetime.date(2025, 10, 31), datetime.date(2026, 2, 28)),  # a shorter month
        (datetime.date(2027, 10, 31), datetime.date(2028, 2, 29)),  # a leap year
        (datetime.date(2026, 5, 31), datetime.date(2026, 9, 30)),
    ],
)
def test_partnerships_end_four_months_after_they_start_by_default(make_round, start, end):
    round_ = make_round(start=start)
    round_.refresh_from_db()
    assert round_.partnership_end == end
    assert add_months(start, 4) == end


def test_an_explicit_partnership_end_is_kept(make_round):
    round_ = make_round(start=datetime.date(2026, 3, 15), partnership_end=datetime.date(2026, 6, 1))
    round_.refresh_from_db()
    assert round_.partnership_end == datetime.date(2026, 6, 1)


# clean() -------------------------------------------------------------------------------------


def unsaved_round(**fields):
    opens = timezone.now()
    values = {
        "name": "Spring",
        "slug": "spring",
        "applications_open": opens,
        "applications_close": opens + datetime.timedelta(days=28),
        "partnership_start": (opens + datetime.timedelta(days=42)).date(),
    }
    values.update(fields)
    return Round(**values)


def test_a_sound_round_passes_full_clean():
    round_ = unsaved_round()
    round_.full_clean(exclude=["partnership_end"])
    round_.save()
    round_.full_clean()  # with the default end filled in


@pytest.mark.parametrize(
    "change, field, message",
    [
        (
            lambda r: {"applications_close": r.applications_open},
            "applications_close",
            "Applications must close after they open.",
        ),
        (
            lambda r: {"applications_close": r.applications_open - datetime.timedelta(hours=1)},
            "applications_close",
            "Applications must close after they open.",
        ),
        (
            lambda r: {
                "partnership_start": (r.applications_close - datetime.timedelta(days=1)).date()
            },
            "partnership_start",
            "Partnerships start after applications close.",
        ),
        (
            lambda r: {"partnership_end": r.partnership_start},
            "partnership_end",
            "Partnerships must end after they start.",
        ),
        (
            lambda r: {"partnership_end": r.partnership_start - datetime.timedelta(days=3)},
            "partnership_end",
            "Partnerships must end after they start.",
        ),
        (lambda r: {"country_cap": 0}, "country_cap", "A share between 1 and 100 per cent."),
        (lambda r: {"country_cap": 101}, "country_cap", "A share between 1 and 100 per cent."),
    ],
)
def test_clean_names_the_field_and_the_reason(change, field, message):
    round_ = unsaved_round()
    for name, value in change(round_).items():
        setattr(round_, name, value)
    with pytest.raises(ValidationError) as raised:
        round_.clean()
    assert raised.value.message_dict == {field: [message]}


@pytest.mark.parametrize("cap", [1, 20, 100])
def test_country_caps_from_one_to_a_hundred_per_cent_are_fine(cap):
    unsaved_round(country_cap=cap).clean()


# The current round ---------------------------------------------------------------------------

DAY = datetime.timedelta(days=1)


def rounds_in(make_round, *specs):
    """Rounds named by their key, each (state, opens in days from now, closes in days)."""
    now = timezone.now()
    return {
        key: make_round(
            state,
            slug=key,
            name=key,
            opens=now + opens * DAY,
            closes=now + closes * DAY,
            start=(now + (closes + 14) * DAY).date(),
        )
        for key, (state, opens, closes) in specs
    }


@pytest.mark.parametrize(
    "specs, expected",
    [
        pytest.param([], None, id="no round"),
        pytest.param([("draft", (State.DRAFT, -1, 10))], None, id="a draft is never announced"),
        pytest.param([("done", (State.FINISHED, -200, -170))], None, id="finished only"),
        pytest.param(
            [
                ("running", (State.RUNNING, -60, -30)),
                ("upcoming", (State.OPEN, 5, 30)),
                ("open", (State.OPEN, -2, 10)),
                ("draft", (State.DRAFT, -3, 20)),
            ],
            "open",
            id="open before upcoming and under way",
        ),
        pytest.param(
            [
                ("running", (State.RUNNING, -60, -30)),
                ("later", (State.OPEN, 40, 70)),
                ("upcoming", (State.OPEN, 5, 30)),
                ("draft", (State.DRAFT, -3, 20)),
            ],
            "upcoming",
            id="the next upcoming before under way",
        ),
        pytest.param(
            [
                ("old", (State.RUNNING, -200, -170)),
                ("matching", (State.MATCHING, -40, -5)),
                ("draft", (State.DRAFT, -1, 20)),
                ("done", (State.FINISHED, -30, -2)),
            ],
            "matching",
            id="the latest under way",
        ),
        pytest.param(
            [("closed", (State.CLOSED, -20, -1)), ("running", (State.RUNNING, -90, -60))],
            "closed",
            id="closed counts as under way",
        ),
        # BUG (RoundQuerySet.current): a round still "open" after its window ended (until
        # a coordinator closes it) is skipped, and an older running round comes back.
        pytest.param(
            [("lapsed", (State.OPEN, -20, -1)), ("running", (State.RUNNING, -200, -170))],
            "lapsed",
            id="open round past its window is under way",
        ),
    ],
)
def test_current_round_prefers_open_then_upcoming_then_under_way(
    make_round, django_assert_num_queries, specs, expected
):
    rounds_in(make_round, *specs)
    with django_assert_num_queries(1):
        current = Round.objects.current()
    assert (current.slug if current else None) == expected


def test_current_round_takes_one_query_however_many_rounds(make_round, django_assert_num_queries):
    rounds_in(
        make_round,
        *[(f"old-{n}", (State.FINISHED, -400 + n * 10, -390 + n * 10)) for n in range(10)],
        *[(f"run-{n}", (State.RUNNING, -300 + n * 10, -290 + n * 10)) for n in range(5)],
        ("next", (State.OPEN, 3, 30)),
    )
    with django_assert_num_queries(1):
        assert Round.objects.current().slug == "next"


def test_open_now_is_the_window_and_the_state(make_round):
    rounds_in(
        make_round,
        ("open", (State.OPEN, -1, 1)),
        ("not-yet", (State.OPEN, 1, 5)),
        ("past", (State.OPEN, -5, -1)),
        ("draft", (State.DRAFT, -1, 1)),
        ("closed", (State.CLOSED, -1, 1)),
    )
    assert [r.slug for r in Round.objects.open_now()] == ["open"]
    accepting = {r.slug: r.accepts_applications() for r in Round.objects.all()}
    assert accepting == {
        "open": True,
        "not-yet": False,
        "past": False,
        "draft": False,
        "closed": False,
    }
