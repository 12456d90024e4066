"""Applying to a round: the rules a web application follows (window, one per round,
English, code of conduct, the country cap), withdrawing, and what a returning participant
finds pre-filled. Plain functions; the views and the importer call them."""

import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from .models import Application, Round

# Below this many applications from one country the cap does not apply yet: the first
# applicants of a new round would otherwise each be "more than 20%" of it.
CAP_MINIMUM = 10


def country_limit(round_, active_total):
    """How many active applications one country may hold in `round_` once the round has
    `active_total` of them."""
    return max(CAP_MINIMUM, math.floor(round_.country_cap * active_total / 100))


def is_at_country_cap(round_, country, exclude=None):
    """Whether one more application from `country` would exceed the round's cap."""
    active = round_.applications.active()
    if exclude is not None:
        active = active.exclude(pk=exclude.pk)
    counts = active.aggregate(total=Count("pk"))
    from_country = active.filter(country=country).count()
    return from_country + 1 > country_limit(round_, counts["total"] + 1)


def latest_application(member):
    return (
        Application.objects.filter(member=member)
        .select_related("round")
        .order_by("-submitted_at")
        .first()
    )


def initial_answers(member, round_):
    """The form's starting values: the member's application to this round if there is
    one, else their answers from the latest round, else their profile."""
    existing = Application.objects.filter(member=member, round=round_).first()
    source = existing or latest_application(member)
    answers = {
        "country": member.country.code if member.country else "",
        "sector": member.sector,
        "role": member.role,
        "career_stage": member.career_stage,
        "interests": ", ".join(sorted(member.interests.names())),
        "time_zone": member.time_zone,
    }
    if source is not None:
        answers.update(
            motivation=source.motivation,
            match_preference=source.match_preference,
            hours_per_week=source.hours_per_week,
            english_confirmed=source.english_confirmed,
        )
    return answers


def check_can_apply(member, round_, now=None):
    if not round_.accepts_applications(now):
        raise ValidationError(_("Applications to %(round)s are not open.") % {"round": round_})


@transaction.atomic
def submit(member, round_, answers):
    """Create or update `member`'s application to `round_` from the cleaned form data,
    and bring their profile up to date with the answers that also live there. A new
    application from a country at its cap is deferred to the next round."""
    check_can_apply(member, round_)
    Round.objects.select_for_update().filter(pk=round_.pk).first()  # serialise cap checks
    application = Application.objects.filter(member=member, round=round_).first()
    is_new = application is None or application.status == Application.Status.WITHDRAWN
    # A place is held per country: moving to another country takes a place there.
    moved = application is not None and str(application.country) != answers["country"]
    application = application or Application(member=member, round=round_)
    for field in Application.ANSWER_FIELDS:
        setattr(application, field, answers[field])
    application.interests = sorted(answers["interests"])
    if is_new or moved:
        capped = is_at_country_cap(round_, answers["country"], exclude=application)
        application.status = Application.Status.DEFERRED if capped else Application.Status.SUBMITTED
    application.save()
    _update_profile(member, answers)
    return application


def _update_profile(member, answers):
    for field in ("country", "sector", "role", "career_stage", "time_zone"):
        setattr(member, field, answers[field])
    member.save()
    member.interests.set(answers["interests"])


def withdraw(application):
    if not application.round.accepts_applications():
        raise ValidationError(_("The application window has closed."))
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
