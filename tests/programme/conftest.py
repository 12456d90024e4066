"""Shared programme fixtures: rounds in any state, applications made in bulk, and the
answers of the web application form."""

import datetime

import pytest
from django.utils import timezone, translation

from members.factories import MemberProfileFactory
from programme.models import Application, Round


@pytest.fixture
def english():
    """Run the test in English and leave the active language as it was: a test client
    request under /fr/ or /ar/ leaves its language active in the thread, and call_command
    and model labels then speak it in the next test."""
    with translation.override("en"):
        yield


# Rounds and applications ---------------------------------------------------------------------


@pytest.fixture
def make_round(db):
    """make_round(state=..., slug=..., opens=..., closes=..., start=..., **fields): a round
    whose window is given relative to now by default (opened a day ago, closing in ten
    days), put straight into `state` (the checked moves are tested on their own)."""
    counter = iter(range(1, 1000))

    def _make_round(
        state=Round.State.OPEN, slug=None, opens=None, closes=None, start=None, **fields
    ):
        now = timezone.now()
        number = next(counter)
        opens = opens if opens is not None else now - datetime.timedelta(days=1)
        closes = closes if closes is not None else now + datetime.timedelta(days=10)
        start = start if start is not None else (closes + datetime.timedelta(days=14)).date()
        fields.setdefault("name", f"Round {number}")
        return Round.objects.create(
            slug=slug or f"round-{number}",
            applications_open=opens,
            applications_close=closes,
            partnership_start=start,
            state=state,
            **fields,
        )

    return _make_round


@pytest.fixture
def open_round(make_round):
    """A round accepting applications now, with the default 20% country cap."""
    return make_round(Round.State.OPEN, slug="open-round", name="Round Open")


@pytest.fixture
def make_application(db):
    """make_application(round_, member=None, **answers): an application as the web form
    stores it (English and code of conduct confirmed); a new member when none is given."""

    def _make_application(round_, member=None, **answers):
        member = member or MemberProfileFactory(**_profile_fields(answers))
        values = {
            "country": member.country.code or "NZ",
            "sector": member.sector or "public",
            "role": member.role or "Librarian",
            "career_stage": member.career_stage or "mid",
            "interests": ["outreach"],
            "time_zone": member.time_zone or "UTC",
            "motivation": "To learn from a colleague elsewhere.",
            "english_confirmed": True,
            "code_of_conduct_accepted": True,
        }
        values.update(answers)
        return Application.objects.create(round=round_, member=member, **values)

    return _make_application


def _profile_fields(answers):
    """The answers that a new applicant's profile should agree with."""
    keys = ("country", "sector", "career_stage", "time_zone")
    return {key: answers[key] for key in keys if key in answers}


# The web form --------------------------------------------------------------------------------


@pytest.fixture
def application_data():
    """application_data(**overrides): a valid POST for /programme/apply/."""

    def _application_data(**overrides):
        data = {
            "country": "CA",
            "sector": "public",
            "role": "Outreach librarian",
            "career_stage": "early",
            "interests": "Outreach,  reading clubs , outreach",
            "time_zone": "America/Toronto",
            "motivation": "I want to see how a library on another continent works.",
            "match_preference": "interest",
            "hours_per_week": "3",
            "english_confirmed": "on",
            "code_of_conduct_accepted": "on",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return _application_data
