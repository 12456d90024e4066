"""Public programme views beside the member side (views.py): the open figures of finished
rounds (/programme/figures/, with CSV and JSON downloads) and a round's calendar as an
iCalendar feed (/programme/rounds/<slug>/calendar.ics).

The figures are anonymised in programme.figures (no count of 1 to 4 people, none
recoverable by subtraction) and cached for a few minutes; labels are rendered in the
visitor's language, the downloads' keys and codes are stable."""

import csv
import io

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from django_countries import countries

from core import page_cache
from members.choices import LibrarySector

from . import calendar, figures
from .charts import bar_chart
from .models import CheckIn, Round, RoundTopic

FIGURES_CACHE_KEY = "programme:open-figures"
FIGURES_TTL = 300
FORMATS = ("html", "csv", "json")


def open_figures():
    """programme.figures.open_figures(), cached for FIGURES_TTL seconds, or until the data
    behind them changes (core.page_cache's generations, a round's state included; a cached
    page that shows them depends on them)."""
    content, data = (page_cache.generation(tag) for tag in (page_cache.CONTENT, page_cache.FIGURES))
    key = f"{FIGURES_CACHE_KEY}:{content}:{data}"
    found = cache.get(key)
    if found is None:
        found = figures.open_figures()
        cache.set(key, found, FIGURES_TTL)
    return found


# Labels in the visitor's language ----------------------------------------------------------


def country_label(code, members):
    if code == figures.GROUPED:
        return ngettext(
            "Other countries (%(count)s)", "Other countries (%(count)s)", len(members)
        ) % {"count": len(members)}
    return countries.name(code) or code


def sector_label(sector, members):
    if sector == figures.GROUPED:
        return ngettext("Other sectors (%(count)s)", "Other sectors (%(count)s)", len(members)) % {
            "count": len(members)
        }
    if sector == figures.UNKNOWN:
        return _("Not recorded")
    return str(LibrarySector(sector).label) if sector in LibrarySector.values else sector


CHECK_IN_ANSWERS = {
    "in-contact": lambda: _("In contact with their partner"),
    "not-in-contact": lambda: _("Not in contact yet"),
    figures.NO_ANSWER: lambda: _("Did not answer"),
}


def rating_label(rating):
    if rating == figures.NO_ANSWER:
        return _("No feedback")
    return ngettext("%(n)s star", "%(n)s stars", rating) % {"n": rating}


def cell_text(cell):
    """What the page writes for a Cell: the count, "<5", or "suppressed"."""
    if not cell.suppressed:
        return str(cell.value)
    return f"<{figures.SMALL}" if cell.small else _("suppressed")


def percent_text(value):
    return _("suppressed") if value is None else f"{value}%"


# The page ----------------------------------------------------------------------------------


def _charts(found, rtl):
    key = f"round-{found.round.pk}"
    countries_rows = [
        (country_label(code, members), cell.value, cell_text(cell))
        for code, cell, members in found.by_country
    ]
    return {
        "countries": bar_chart(
            countries_rows,
            chart_id=f"{key}-countries",
            title=_("Participants by country"),
            description=_(
                "Countries with fewer than 5 participants are grouped under other countries."
            ),
            rtl=rtl,
        ),
        "sectors": bar_chart(
            [
                (sector_label(sector, members), cell.value, cell_text(cell))
                for sector, cell, members in found.by_sector
            ],
            chart_id=f"{key}-sectors",
            title=_("Participants by library sector"),
            rtl=rtl,
        ),
        "contact": bar_chart(
            [
                row
                for moment in found.check_ins
                for row in (
                    (
                        _("%(moment)s: answered")
                        % {"moment": CheckIn.Moment(moment["moment"]).label},
                        moment["answered_share"],
                        percent_text(moment["answered_share"]),
                    ),
                    (
                        _("%(moment)s: in contact")
                        % {"moment": CheckIn.Moment(moment["moment"]).label},
                        moment["in_contact_share"],
                        percent_text(moment["in_contact_share"]),
                        "chart__bar--accent",
                    ),
                )
            ],
            chart_id=f"{key}-contact",
            title=_("Check-ins"),
            description=_(
                "Per check-in, the share of participants who answered, and among those who "
                "answered, the share in contact with their partner."
            ),
            max_value=100,
            rtl=rtl,
        ),
        "ratings": bar_chart(
            [
                (rating_label(rating), cell.value, cell_text(cell))
                for rating, cell in found.ratings
                if rating != figures.NO_ANSWER
            ],
            chart_id=f"{key}-ratings",
            title=_("Feedback ratings"),
            description=_("How many participants gave each rating, from 5 (best) to 1."),
            rtl=rtl,
        ),
    }


def _page_rounds(found_rounds):
    rtl = translation.get_language_bidi()
    shown = []
    for found in found_rounds:
        shown.append(
            {
                "figures": found,
                "countries": [
                    (country_label(code, members), cell) for code, cell, members in found.by_country
                ],
                "sectors": [
                    (sector_label(sector, members), cell)
                    for sector, cell, members in found.by_sector
                ],
                "check_ins": [
                    {
                        "label": CheckIn.Moment(moment["moment"]).label,
                        "cells": [(CHECK_IN_ANSWERS[k](), cell) for k, cell in moment["cells"]],
                        "answered_share": moment["answered_share"],
                        "in_contact_share": moment["in_contact_share"],
                    }
                    for moment in found.check_ins
                ],
                "ratings": [(rating_label(rating), cell) for rating, cell in found.ratings],
                "charts": _charts(found, rtl) if not found.is_tiny else {},
            }
        )
    return shown


@require_safe
def figures_page(request, format=None):
    """The open figures: HTML, or CSV / JSON (?format=csv|json, or figures.csv/.json)."""
    format = format or request.GET.get("format") or "html"
    if format not in FORMATS:
        raise Http404("Unknown format")
    found = open_figures()
    if format == "csv":
        return figures_csv(found)
    if format == "json":
        return figures_json(found)
    return render(
        request,
        "programme/figures.html",
        {"rounds": _page_rounds(found), "threshold": figures.SMALL},
    )


# Downloads ---------------------------------------------------------------------------------

CSV_HEADER = [
    "round",
    "round_name",
    "partnerships_start",
    "partnerships_end",
    "figure",
    "category",
    "label",
    "unit",
    "value",
]


def _csv_value(cell):
    if not cell.suppressed:
        return cell.value
    return f"<{figures.SMALL}" if cell.small else "suppressed"


def _csv_share(value):
    return "suppressed" if value is None else value


def csv_rows(found_rounds):
    """The figures as rows of CSV_HEADER: one figure (and category) a row."""
    for found in found_rounds:
        round_ = found.round
        head = [
            round_.slug,
            round_.name,
            round_.partnership_start.isoformat(),
            round_.partnership_end.isoformat(),
        ]
        yield [
            *head,
            "participants",
            "",
            _("Participants"),
            "people",
            _csv_value(found.participants),
        ]
        if found.is_tiny:
            continue
        yield [*head, "countries", "", _("Countries"), "countries", found.countries]
        for code, cell, members in found.by_country:
            yield [
                *head,
                "participants_by_country",
                code,
                country_label(code, members),
                "people",
                _csv_value(cell),
            ]
        for sector, cell, members in found.by_sector:
            yield [
                *head,
                "participants_by_sector",
                sector,
                sector_label(sector, members),
                "people",
                _csv_value(cell),
            ]
        yield [*head, "applicants", "", _("Applicants"), "people", _csv_value(found.applicants)]
        yield [*head, "matched_share", "", _("Matched"), "percent", _csv_share(found.matched_share)]
        for moment in found.check_ins:
            name = moment["moment"]
            for key, cell in moment["cells"]:
                yield [
                    *head,
                    f"check_in_{name}",
                    key,
                    CHECK_IN_ANSWERS[key](),
                    "people",
                    _csv_value(cell),
                ]
            yield [
                *head,
                f"check_in_{name}_answered_share",
                "",
                _("Answered"),
                "percent",
                _csv_share(moment["answered_share"]),
            ]
            yield [
                *head,
                f"check_in_{name}_in_contact_share",
                "",
                _("In contact, of answers"),
                "percent",
                _csv_share(moment["in_contact_share"]),
            ]
        for rating, cell in found.ratings:
            yield [
                *head,
                "feedback_rating",
                rating,
                rating_label(rating),
                "people",
                _csv_value(cell),
            ]
        yield [
            *head,
            "feedback_share",
            "",
            _("Gave feedback"),
            "percent",
            _csv_share(found.feedback_share),
        ]
        yield [
            *head,
            "would_take_part_again_share",
            "",
            _("Would take part again"),
            "percent",
            _csv_share(found.again_share),
        ]


def figures_csv(found_rounds):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(found_rounds))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="iln-programme-figures.csv"'
    return response


def _json_cell(cell):
    return cell.value  # None when suppressed


def figures_data(found_rounds):
    """The figures as JSON-serialisable data (suppressed counts and shares are null)."""
    rounds = []
    for found in found_rounds:
        round_ = found.round
        data = {
            "slug": round_.slug,
            "name": round_.name,
            "partnerships_start": round_.partnership_start.isoformat(),
            "partnerships_end": round_.partnership_end.isoformat(),
            "participants": _json_cell(found.participants),
        }
        if not found.is_tiny:
            data.update(
                countries=found.countries,
                participants_by_country=[
                    {
                        "country": code,
                        "name": country_label(code, members),
                        **({"countries": len(members)} if code == figures.GROUPED else {}),
                        "participants": _json_cell(cell),
                    }
                    for code, cell, members in found.by_country
                ],
                participants_by_sector=[
                    {
                        "sector": sector,
                        "name": sector_label(sector, members),
                        **({"sectors": len(members)} if sector == figures.GROUPED else {}),
                        "participants": _json_cell(cell),
                    }
                    for sector, cell, members in found.by_sector
                ],
                applicants=_json_cell(found.applicants),
                matched_share=found.matched_share,
                check_ins=[
                    {
                        "moment": moment["moment"],
                        "name": str(CheckIn.Moment(moment["moment"]).label),
                        **{key: _json_cell(cell) for key, cell in moment["cells"]},
                        "answered_share": moment["answered_share"],
                        "in_contact_share": moment["in_contact_share"],
                    }
                    for moment in found.check_ins
                ],
                feedback={
                    "ratings": {
                        str(rating): _json_cell(cell)
                        for rating, cell in found.ratings
                        if rating != figures.NO_ANSWER
                    },
                    "no_feedback": _json_cell(found.ratings[-1][1]),
                    "feedback_share": found.feedback_share,
                    "would_take_part_again_share": found.again_share,
                },
            )
        rounds.append(data)
    return {
        "suppression": {
            "threshold": figures.SMALL,
            "note": _(
                "Counts of 1 to %(max)s people are null, and so is any figure that would let "
                "one be worked out; countries and sectors with fewer than %(threshold)s "
                "participants are grouped."
            )
            % {"max": figures.SMALL - 1, "threshold": figures.SMALL},
        },
        "rounds": rounds,
    }


def figures_json(found_rounds):
    response = JsonResponse(
        figures_data(found_rounds), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'inline; filename="iln-programme-figures.json"'
    return response


# The round calendar ------------------------------------------------------------------------


def public_rounds():
    """Rounds a visitor may hear about: every one but drafts."""
    return Round.objects.exclude(state=Round.State.DRAFT)


@require_safe
def round_calendar_ics(request, slug):
    """The round's calendar as an iCalendar feed (text/calendar): the partnerships' start,
    each topic's release (its title and link once released), the check-ins, the end."""
    round_ = get_object_or_404(public_rounds(), slug=slug)
    round_topics = RoundTopic.objects.filter(round=round_).select_related("topic")
    entries = calendar.round_calendar(round_, round_topics)
    urls = {
        entry: entry.topic.get_full_url(request)
        for entry in entries
        if entry.kind == "topic" and entry.released
    }
    overview = request.build_absolute_uri(reverse("programme:overview"))
    text = calendar.ical_calendar(
        round_,
        entries,
        domain=request.get_host().split(":")[0] or "iln-portal",
        urls=urls,
        calendar_url=overview,
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{round_.slug}.ics"'
    return response
