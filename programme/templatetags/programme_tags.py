from django import template
from django.utils import timezone

from programme.models import Round

register = template.Library()


def call_state(round_, now=None):
    """What a call to apply says about `round_`: open, upcoming or closed."""
    now = now or timezone.now()
    if round_.accepts_applications(now):
        return "open"
    if round_.state == Round.State.OPEN and round_.applications_open > now:
        return "upcoming"
    return "closed"


@register.inclusion_tag("programme/_round_call.html")
def round_call(round_=None, application=None):
    """The call to apply for `round_` (the current round when not given), with one button."""
    if round_ is None:
        round_ = Round.objects.current()
    return {
        "round": round_,
        "application": application,
        "state": call_state(round_) if round_ else None,
    }


@register.inclusion_tag("programme/_calendar.html")
def round_calendar(round_):
    """The calendar of `round_` (programme.calendar.round_calendar): its dates, each topic
    by number until it is released, and a link to its iCalendar feed."""
    from programme import calendar

    return {"round": round_, "entries": calendar.round_calendar(round_)}
