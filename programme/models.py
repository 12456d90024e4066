"""Rounds, applications, matching proposals and partnerships.

A round moves draft -> open -> closed -> matching -> running -> finished, one explicit,
checked step at a time (Round.move_to). Members apply while it is open; coordinators
propose a matching once it is closed (the round is then "matching"), adjust it, and
publish it: the partnerships are created and the round is running."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from members.choices import CareerStage, LibrarySector

PARTNERSHIP_MONTHS = 4
DEFAULT_COUNTRY_CAP = 20


class MatchPreference(models.TextChoices):
    INTEREST = "interest", _("Someone who shares my interests")
    CAREER_STAGE = "career_stage", _("Someone at my career stage")
    SECTOR = "sector", _("Someone from my sector")
    OPEN = "open", _("I am open to any match")


def add_months(day, months):
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


class RoundQuerySet(models.QuerySet):
    def open_now(self):
        now = timezone.now()
        return self.filter(
            state=Round.State.OPEN, applications_open__lte=now, applications_close__gt=now
        )

    def current(self):
        """The round a visitor should hear about: one accepting applications, else the
        next one announced (open, its window ahead), else the latest one under way. Drafts
        are not announced. One query: rounds under way are few."""
        now = timezone.now()
        rounds = list(
            self.exclude(state__in=[Round.State.DRAFT, Round.State.FINISHED]).order_by(
                "applications_open"
            )
        )
        accepting = [r for r in rounds if r.accepts_applications(now)]
        upcoming = [r for r in rounds if r.state == Round.State.OPEN and r.applications_open > now]
        # An open round whose window has passed is under way until a coordinator closes it.
        under_way = [
            r
            for r in rounds
            if r.state in (Round.State.CLOSED, Round.State.MATCHING, Round.State.RUNNING)
            or (r.state == Round.State.OPEN and r.applications_close <= now)
        ]
        for found in (accepting, upcoming, under_way[::-1]):
            if found:
                return found[0]
        return None


class Round(ClusterableModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Applications closed")
        MATCHING = "matching", _("Matching")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    # Each state's one next state: rounds only move forward, one step at a time.
    NEXT_STATE = {
        State.DRAFT: State.OPEN,
        State.OPEN: State.CLOSED,
        State.CLOSED: State.MATCHING,
        State.MATCHING: State.RUNNING,
        State.RUNNING: State.FINISHED,
    }

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    applications_open = models.DateTimeField(_("applications open"))
    applications_close = models.DateTimeField(_("applications close"))
    partnership_start = models.DateField(_("partnerships start"))
    partnership_end = models.DateField(
        _("partnerships end"), blank=True, help_text=_("Four months after the start if empty.")
    )
    country_cap = models.PositiveSmallIntegerField(
        _("country cap (%)"),
        default=DEFAULT_COUNTRY_CAP,
        help_text=_(
            "Once a country holds this share of the round's applications, further "
            "applicants from it are deferred to the next round."
        ),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["-applications_open"]
        permissions = [("run_matching", _("Can run and publish a round's matching"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.partnership_start and not self.partnership_end:
            self.partnership_end = add_months(self.partnership_start, PARTNERSHIP_MONTHS)
        super().save(*args, **kwargs)

    def clean(self):
        if self.applications_open and self.applications_close:
            if self.applications_close <= self.applications_open:
                raise ValidationError(
                    {"applications_close": _("Applications must close after they open.")}
                )
        if self.partnership_start and self.applications_close:
            if self.partnership_start < self.applications_close.date():
                raise ValidationError(
                    {"partnership_start": _("Partnerships start after applications close.")}
                )
        if self.partnership_start and self.partnership_end:
            if self.partnership_end <= self.partnership_start:
                raise ValidationError(
                    {"partnership_end": _("Partnerships must end after they start.")}
                )
        if self.country_cap is not None and not 1 <= self.country_cap <= 100:
            raise ValidationError({"country_cap": _("A share between 1 and 100 per cent.")})

    # States -------------------------------------------------------------------------

    @property
    def next_state(self):
        return self.NEXT_STATE.get(self.state)

    def move_to(self, state):
        """Move to `state`, which must be the round's next state; raise ValidationError
        with the reason otherwise."""
        if state != self.next_state:
            raise ValidationError(
                _("A round that is %(current)s cannot become %(target)s.")
                % {
                    "current": self.get_state_display().lower(),
                    "target": str(Round.State(state).label).lower(),
                }
            )
        self.state = state
        self.save(update_fields=["state"])

    def accepts_applications(self, now=None):
        now = now or timezone.now()
        return (
            self.state == self.State.OPEN
            and self.applications_open <= now < self.applications_close
        )

    @property
    def can_be_matched(self):
        return self.state in (self.State.CLOSED, self.State.MATCHING)


class ApplicationQuerySet(models.QuerySet):
    def active(self):
        """Applications that count: neither withdrawn nor deferred."""
        return self.filter(status=Application.Status.SUBMITTED)


class Application(models.Model):
    # What an applicant answers (the web form, an imported row): stored, exported, shown.
    ANSWER_FIELDS = (
        "country",
        "sector",
        "role",
        "career_stage",
        "interests",
        "time_zone",
        "motivation",
        "match_preference",
        "hours_per_week",
        "english_confirmed",
        "code_of_conduct_accepted",
    )

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        DEFERRED = "deferred", _("Deferred to the next round")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="applications")
    member = models.ForeignKey(
        "members.MemberProfile",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("member"),
    )
    # The id the applicant had in an imported spreadsheet (empty for web applications).
    external_id = models.CharField(_("imported id"), max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    # What the matching reads, as the applicant confirmed it when applying.
    country = CountryField(_("country"))
    sector = models.CharField(_("library sector"), max_length=20, choices=LibrarySector.choices)
    role = models.CharField(_("role"), max_length=100, blank=True)
    career_stage = models.CharField(_("career stage"), max_length=20, choices=CareerStage.choices)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64)
    motivation = models.TextField(_("motivation"), max_length=3000, blank=True)
    match_preference = models.CharField(
        _("match preference"),
        max_length=20,
        choices=MatchPreference.choices,
        default=MatchPreference.OPEN,
    )
    hours_per_week = models.PositiveSmallIntegerField(_("hours available a week"), default=2)
    english_confirmed = models.BooleanField(_("can correspond in English"), default=False)
    code_of_conduct_accepted = models.BooleanField(_("accepts the code of conduct"), default=False)
    # E-mails of partners from rounds before the portal (imported spreadsheets).
    previous_partner_emails = models.JSONField(default=list, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "member"], name="one_application_per_round")
        ]
        indexes = [models.Index(fields=["round", "status", "country"])]

    def __str__(self):
        return f"{self.member} ({self.round})"

    def get_absolute_url(self):
        return reverse("programme:apply")

    @property
    def is_editable(self):
        return self.status != self.Status.WITHDRAWN and self.round.accepts_applications()


class PairRule(models.Model):
    """A coordinator's decision about two applicants of a round: keep them together (pin)
    or never pair them (forbid)."""

    class Kind(models.TextChoices):
        PIN = "pin", _("Pinned together")
        FORBID = "forbid", _("Never together")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="pair_rules")
    first = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "first", "second"], name="one_rule_per_pair"),
            models.CheckConstraint(condition=Q(first__lt=models.F("second")), name="pair_ordered"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.first_id} & {self.second_id}"

    def save(self, *args, **kwargs):
        if self.first_id > self.second_id:
            self.first_id, self.second_id = self.second_id, self.first_id
        super().save(*args, **kwargs)


class Proposal(models.Model):
    """The stored matching proposal of a round, for review before it is published. One per
    round: a new run replaces it."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="proposal")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    elapsed_seconds = models.FloatField(default=0)
    # [(application id, reason)] of those the matching could not place.
    unmatched = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("matching proposal")

    def __str__(self):
        return f"{self.round} proposal"


class ProposedGroup(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="groups")
    applications = models.ManyToManyField(Application, related_name="proposed_groups")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    problems = models.JSONField(default=list, blank=True)
    pinned = models.BooleanField(default=False)

    class Meta:
        ordering = ["score", "pk"]

    def __str__(self):
        return f"{self.proposal}: group {self.pk} ({self.score:.0f})"


class Partnership(models.Model):
    """Two members (three where numbers were odd) partnered for a round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="partnerships")
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when its members were rematched with others: the partnership stays in their history.
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["round", "pk"]

    def __str__(self):
        names = ", ".join(
            m.member.display_name if m.member else "Former member" for m in self.memberships.all()
        )
        return f"{self.round}: {names}"


class PartnershipMember(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="membership"
    )
    # NULL once the member deleted their account: the partner's history stays.
    member = models.ForeignKey(
        "members.MemberProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_memberships",
    )
    country = CountryField()

    class Meta:
        ordering = ["partnership", "pk"]

    def __str__(self):
        return f"{self.member or 'Former member'} in {self.partnership_id}"


# The round under way (part 2): its calendar, e-mails, check-ins, rematches and feedback. ----


class RoundTopic(Orderable):
    """A topic of a round's calendar, released on its date (Wagtail's scheduled publishing:
    the topic page's go_live_at), one a fortnight."""

    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="calendar_topics")
    topic = models.OneToOneField(
        "topics.TopicPage", on_delete=models.CASCADE, related_name="round_topic"
    )
    release_date = models.DateField(_("release date"))

    class Meta(Orderable.Meta):
        verbose_name = _("round topic")
        verbose_name_plural = _("round topics")

    def __str__(self):
        return f"{self.round}: {self.topic} ({self.release_date})"


class SentEmail(models.Model):
    """A programme e-mail sent to a member of a partnership: recorded only once the backend
    accepted it, so a failed send is retried on the next run and none is ever sent twice."""

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        CHECK_IN_TWO_WEEKS = "check-in-two-weeks", _("Check-in at two weeks")
        CHECK_IN_MID_ROUND = "check-in-mid-round", _("Check-in at mid-round")
        FEEDBACK_REQUEST = "feedback-request", _("Feedback request")
        FEEDBACK_REMINDER = "feedback-reminder", _("Feedback reminder")

    membership = models.ForeignKey(
        PartnershipMember, on_delete=models.CASCADE, related_name="sent_emails"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "kind"], name="one_email_of_a_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.membership}"


class CheckIn(models.Model):
    """A member's answer to a check-in: in contact with their partner, and how often."""

    class Moment(models.TextChoices):
        TWO_WEEKS = "two-weeks", _("Two weeks in")
        MID_ROUND = "mid-round", _("Mid-round")

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week or more")
        FORTNIGHTLY = "fortnightly", _("Every two weeks")
        MONTHLY = "monthly", _("About once a month")
        NOT_YET = "not-yet", _("Not yet")

    membership = models.ForeignKey(
        PartnershipMember, on_delete=models.CASCADE, related_name="check_ins"
    )
    moment = models.CharField(max_length=20, choices=Moment.choices)
    in_contact = models.BooleanField(_("in contact with my partner"))
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, blank=True
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "moment"], name="one_check_in_a_moment")
        ]

    def __str__(self):
        return f"{self.membership}: {self.moment}"


class Feedback(models.Model):
    membership = models.OneToOneField(
        PartnershipMember, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    would_take_part_again = models.BooleanField(_("would take part again"))
    what_worked = models.TextField(_("what worked"), max_length=3000, blank=True)
    comments = models.TextField(_("comments"), max_length=3000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.membership}: {self.rating}/5"


class RematchRequest(models.Model):
    """ "My partner has not replied": the reporting member waits in the round's rematch queue
    until a coordinator rematches them (a new partnership) or closes the request."""

    class Source(models.TextChoices):
        PARTNERSHIP_PAGE = "page", _("Partnership page")
        CHECK_IN = "check-in", _("Check-in")

    membership = models.ForeignKey(
        PartnershipMember, on_delete=models.CASCADE, related_name="rematch_requests"
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    reported_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    new_partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("rematch request")
        verbose_name_plural = _("rematch requests")
        ordering = ["reported_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_rematch_request",
            )
        ]

    def __str__(self):
        return f"{self.membership} ({self.reported_at:%Y-%m-%d})"
