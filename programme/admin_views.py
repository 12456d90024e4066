"""The coordinators' admin for the programme (registered in wagtail_hooks.py): Wagtail's
generic model views for rounds, applications and partnerships, the checked state moves
of a round, and the matching review, where a coordinator runs a round's matching, reads
the proposal (weakest groups first), pins, forbids and swaps, and publishes.

Every change goes through `programme.matchmaking`, the same functions the management
commands call. Running, adjusting and publishing a matching needs programme.run_matching
(403 otherwise); every change is a POST (CSRF-checked by Django's middleware)."""

import django_filters
from django import forms
from django.contrib.auth import get_permission_codename, get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Prefetch, Q, Sum
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from django_countries import countries
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from members.models import MemberProfile
from topics.models import TopicPage

from . import calendar as programme_calendar
from . import figures, matching, matchmaking, partnerships
from .charts import bar_chart
from .models import (
    PARTNERSHIP_MONTHS,
    Application,
    PairRule,
    Partnership,
    PartnershipMember,
    Proposal,
    ProposedGroup,
    Round,
    add_months,
)

# URL namespaces of the viewsets (wagtail_hooks.py).
ROUNDS = "programme_rounds"
APPLICATIONS = "programme_applications"
PARTNERSHIPS = "programme_partnerships"

GROUPS_PER_PAGE = 100
# A proposed group that breaks a hard rule (matchmaking keeps the problems on it).
BROKEN = ~Q(problems=[])
# Score bands, in words beside the number (never colour alone).
WEAK_SCORE = 40
STRONG_SCORE = 70


# Permission policies ---------------------------------------------------------------------


class RoundPermissionPolicy(ModelPermissionPolicy):
    """The model permissions on rounds, plus "run_matching" (programme.run_matching). A round
    that has applications is never deleted here, whoever asks."""

    def _codename(self, action):
        if action == "run_matching":
            return "run_matching"
        return get_permission_codename(action, self.model._meta)

    def _get_permission_codenames(self, actions):
        return {self._codename(action) for action in actions}

    def _get_permission_name(self, action):
        return f"{self.app_label}.{self._codename(action)}"

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and round_has_applications(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


def round_has_applications(round_):
    counted = getattr(round_, "applications_count", None)
    return counted > 0 if counted is not None else round_.applications.exists()


class RefusingPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except `refused` actions, which nobody (superusers included) may
    take in the admin: applications come from members and the importer, partnerships from
    publishing a matching."""

    refused = frozenset()

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.refused]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class ApplicationPermissionPolicy(RefusingPermissionPolicy):
    refused = frozenset({"add", "delete"})


class PartnershipPermissionPolicy(RefusingPermissionPolicy):
    refused = frozenset({"add", "change", "delete"})


round_permission_policy = RoundPermissionPolicy(Round)


def can_run_matching(user):
    return round_permission_policy.user_has_permission(user, "run_matching")


# Rounds ----------------------------------------------------------------------------------

# The state moves a coordinator makes by hand, with a button each. A round becomes
# "matching" when its first matching is stored, and "running" when the matching is
# published: both only through the matching review.
MANUAL_MOVES = {
    Round.State.OPEN: (
        gettext_lazy("Open applications"),
        gettext_lazy(
            "Members can apply from the programme page between the round's opening and "
            "closing dates."
        ),
    ),
    Round.State.CLOSED: (
        gettext_lazy("Close applications"),
        gettext_lazy(
            "No more applications are accepted, and the round can be matched. A round does "
            "not reopen."
        ),
    ),
    Round.State.FINISHED: (
        gettext_lazy("Finish the round"),
        gettext_lazy("The round's partnerships have ended. A finished round stays finished."),
    ),
}


def round_buttons(round_, user, button_class=Button):
    """The links a round offers besides editing: its next state, its matching, its
    applications and partnerships."""
    buttons = []
    target = round_.next_state
    if target in MANUAL_MOVES and round_permission_policy.user_has_permission(user, "change"):
        buttons.append(
            button_class(
                MANUAL_MOVES[target][0],
                url=reverse(f"{ROUNDS}:move", args=[round_.pk, target]),
                icon_name="arrow-right",
                priority=5,
            )
        )
    if round_.can_be_matched and can_run_matching(user):
        buttons.append(
            button_class(
                _("Review the matching")
                if round_.state == Round.State.MATCHING
                else _("Run the matching"),
                url=reverse(f"{ROUNDS}:matching", args=[round_.pk]),
                icon_name="group",
                priority=6,
            )
        )
    if can_run_matching(user):
        buttons.append(
            button_class(
                _("Dashboard"),
                url=reverse(f"{ROUNDS}:dashboard", args=[round_.pk]),
                icon_name="table",
                priority=7,
            )
        )
        if round_.state == Round.State.RUNNING:
            buttons.append(
                button_class(
                    _("Rematch queue"),
                    url=reverse(f"{ROUNDS}:rematch_queue", args=[round_.pk]),
                    icon_name="resubmit",
                    priority=8,
                )
            )
    if user.has_perm("programme.view_application"):
        buttons.append(
            button_class(
                _("Applications"),
                url=f"{reverse(f'{APPLICATIONS}:index')}?round={round_.pk}",
                icon_name="list-ul",
                priority=40,
            )
        )
    if round_.state in (Round.State.RUNNING, Round.State.FINISHED) and user.has_perm(
        "programme.view_partnership"
    ):
        buttons.append(
            button_class(
                _("Partnerships"),
                url=f"{reverse(f'{PARTNERSHIPS}:index')}?round={round_.pk}",
                icon_name="link",
                priority=41,
            )
        )
    return buttons


class RoundFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=Round.State.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Round
        fields = []


def _datetime(value):
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    return date_format(localtime(value), "DATETIME_FORMAT") if value else ""


def _application_counts(round_):
    active, total = round_.active_count, round_.applications_count
    if active == total:
        return str(total)
    return _("%(active)s (of %(total)s, the others withdrawn or deferred)") % {
        "active": active,
        "total": total,
    }


class RoundIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                applications_count=Count("applications"),
                active_count=Count(
                    "applications", filter=Q(applications__status=Application.Status.SUBMITTED)
                ),
            )
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column("state", label=_("State"), accessor="get_state_display", sort_key="state"),
            Column(
                "applications_open",
                label=_("Applications open"),
                accessor=lambda r: _datetime(r.applications_open),
                sort_key="applications_open",
            ),
            Column(
                "applications_close",
                label=_("Applications close"),
                accessor=lambda r: _datetime(r.applications_close),
                sort_key="applications_close",
            ),
            Column(
                "partnership_start",
                label=_("Partnerships start"),
                accessor="partnership_start",
                sort_key="partnership_start",
            ),
            Column("applications", label=_("Applications"), accessor=_application_counts),
        ]

    def get_delete_url(self, instance):
        if round_permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", instance
        ):
            return super().get_delete_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *round_buttons(instance, self.request.user),
        ]


class RoundEditView(generic.EditView):
    """Saving schedules the round's calendar (schedule_calendar, below)."""

    def save_instance(self):
        instance = super().save_instance()
        schedule_calendar(self.request, instance, self.form)
        return instance

    @cached_property
    def header_buttons(self):
        buttons = round_buttons(self.object, self.request.user, button_class=HeaderButton)
        if round_permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                HeaderButton(
                    _("Release a topic every fortnight…"),
                    url=reverse(f"{ROUNDS}:space_topics", args=[self.object.pk]),
                    icon_name="date",
                    priority=9,
                )
            )
        return buttons


class RoundDeleteView(generic.DeleteView):
    """Deleting a round takes its applications with it: refused while it has any."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            messages.error(
                request,
                _("A round that has applications cannot be deleted."),
            )
            return redirect(f"{ROUNDS}:edit", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class RoundObjectMixin:
    """The round named by the URL's pk, with breadcrumbs back to it."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.round = get_object_or_404(Round, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.round)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ROUNDS}:index"), "label": capfirst(Round._meta.verbose_name_plural)},
            {"url": reverse(f"{ROUNDS}:edit", args=[self.round.pk]), "label": str(self.round)},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def review_url(self):
        return reverse(f"{ROUNDS}:matching", args=[self.round.pk])


class RoundMoveView(
    RoundObjectMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Move a round to its next state by hand (GET asks, POST moves): Round.move_to checks
    the move and says why it refuses."""

    permission_policy = round_permission_policy
    permission_required = "change"
    template_name = "programme/admin/round_move.html"
    header_icon = "arrow-right"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.target = kwargs["state"]

    def get_page_title(self):
        move = MANUAL_MOVES.get(self.target)
        return move[0] if move else _("Change state")

    def refusal(self):
        if self.target not in Round.State.values:
            return _("There is no state called “%s”.") % self.target
        if self.target == Round.State.MATCHING:
            return _("A round starts matching when its first matching is run.")
        if self.target == Round.State.RUNNING:
            return _("A round runs once its matching is published.")
        if self.target != self.round.next_state:
            # Round.move_to's refusal, said before asking (it checks again on POST).
            return _("A round that is %(current)s cannot become %(target)s.") % {
                "current": self.round.get_state_display().lower(),
                "target": str(Round.State(self.target).label).lower(),
            }
        return None

    def get(self, request, *args, **kwargs):
        if reason := self.refusal():
            messages.error(request, reason)
            return redirect(f"{ROUNDS}:edit", self.round.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if reason := self.refusal():
            messages.error(request, reason)
            return redirect(f"{ROUNDS}:edit", self.round.pk)
        try:
            self.round.move_to(self.target)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(f"{ROUNDS}:edit", self.round.pk)
        log(instance=self.round, action="programme.round.state", data={"state": self.target})
        messages.success(
            request,
            _("“%(round)s” is now %(state)s.")
            % {"round": self.round, "state": self.round.get_state_display().lower()},
        )
        return redirect(f"{ROUNDS}:index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            round=self.round,
            action_label=MANUAL_MOVES[self.target][0],
            explanation=MANUAL_MOVES[self.target][1],
            action_url=reverse(f"{ROUNDS}:move", args=[self.round.pk, self.target]),
            cancel_url=reverse(f"{ROUNDS}:edit", args=[self.round.pk]),
        )
        return context


# Applications and partnerships -----------------------------------------------------------


def _countries_applied_from():
    codes = set(Application.objects.values_list("country", flat=True).distinct())
    return [(code, name) for code, name in countries if code in codes]


class ApplicationFilterSet(WagtailFilterSet):
    round = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Round"), queryset=Round.objects.all(), empty_label=gettext_lazy("All")
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Application.Status.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"),
        choices=_countries_applied_from,
        empty_label=gettext_lazy("All"),
    )
    sector = django_filters.ChoiceFilter(
        label=gettext_lazy("Library sector"),
        choices=Application._meta.get_field("sector").choices,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Application
        fields = []


class ApplicationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Application.objects.select_related("member", "round")


class PartnershipFilterSet(WagtailFilterSet):
    round = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Round"), queryset=Round.objects.all(), empty_label=gettext_lazy("All")
    )

    class Meta:
        model = Partnership
        fields = []


def _partners(partnership):
    return ", ".join(
        f"{m.member if m.member else _('Former member')} ({m.country.name})"
        for m in partnership.memberships.all()
    )


class PartnershipIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Partnership.objects.select_related("round").prefetch_related(
            Prefetch("memberships", PartnershipMember.objects.select_related("member"))
        )

    @cached_property
    def columns(self):
        title = self._get_title_column_class(TitleColumn)
        return [
            title(
                "partners",
                label=_("Partners"),
                accessor=_partners,
                get_url=self.get_inspect_url,
            ),
            Column("round", label=_("Round"), accessor="round", sort_key="round"),
            Column(
                "score", label=_("Score"), accessor=lambda p: f"{p.score:.0f}", sort_key="score"
            ),
            Column(
                "created_at",
                label=_("Published"),
                accessor=lambda p: _datetime(p.created_at),
                sort_key="created_at",
            ),
        ]


class PartnershipInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            Partnership.objects.select_related("round").prefetch_related(
                Prefetch("memberships", PartnershipMember.objects.select_related("member"))
            ),
            pk=self.pk,
        )

    def get_field_label(self, field_name, field):
        if field_name == "partners":
            return _("Partners")
        return super().get_field_label(field_name, field)

    def get_partners_display_value(self):
        return _partners(self.object)

    def get_reasons_display_value(self):
        return "; ".join(self.object.reasons) or "-"

    def get_score_display_value(self):
        return f"{self.object.score:.0f} / {matching.MAX_SCORE}"


# The matching review ---------------------------------------------------------------------


class ReviewFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Applicant"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("A name or an application id"),
    )
    below = forms.IntegerField(
        label=gettext_lazy("Score below"), required=False, min_value=1, max_value=101
    )
    weakest = forms.IntegerField(
        label=gettext_lazy("Only the weakest"),
        required=False,
        min_value=1,
        help_text=gettext_lazy("How many groups, weakest first"),
    )
    problems = forms.BooleanField(
        label=gettext_lazy("Only groups that break a hard rule"), required=False
    )


class PairForm(forms.Form):
    """Two applications of the round, by id: for a pin, a forbidden pair or a swap."""

    first = forms.IntegerField(label=gettext_lazy("First application id"), min_value=1)
    second = forms.IntegerField(label=gettext_lazy("Second application id"), min_value=1)


def score_band(score):
    if score < WEAK_SCORE:
        return _("weak")
    if score < STRONG_SCORE:
        return _("fair")
    return _("strong")


# What the review shows of an application: no need to load (and decode) the rest.
SHOWN_FIELDS = ("id", "external_id", "country", "member__id", "member__display_name")


def shown_applications():
    return Application.objects.select_related("member").only(*SHOWN_FIELDS)


class MemberEntries:
    """What the review shows of each applicant, with the link to the application: reverse()
    once, not once per applicant (hundreds on a page)."""

    PLACEHOLDER = "987654321"

    def __init__(self):
        self.url = reverse(f"{APPLICATIONS}:inspect", args=[self.PLACEHOLDER])

    def __call__(self, pk, external_id, country, member_id, display_name):
        return {
            "id": pk,
            "external_id": external_id,
            "name": str(MemberProfile(pk=member_id, display_name=display_name)),
            "country": countries.name(country),
            "url": self.url.replace(self.PLACEHOLDER, str(pk)),
        }

    def of(self, application):
        return self(
            application.pk,
            application.external_id,
            application.country.code,
            application.member_id,
            application.member.display_name,
        )


class MatchingPermissionMixin:
    """Only users who may run matchings (programme.run_matching) reach these views: a GET
    is sent back to the dashboard like any refused admin page, a POST gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if not can_run_matching(request.user):
            if request.method == "POST":
                return HttpResponseForbidden(_("You may not run, adjust or publish matchings."))
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MatchingReviewView(
    MatchingPermissionMixin, RoundObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A round's stored proposal, weakest groups first, with every adjustment. The queries
    do not grow with the round: one light query over all groups (scores, problems) for the
    summary and the filters, then the members of one page of groups."""

    template_name = "programme/admin/matching_review.html"
    header_icon = "group"
    page_title = gettext_lazy("Matching")

    @cached_property
    def header_buttons(self):
        if self.proposal and self.round.state == Round.State.MATCHING:
            return [
                HeaderButton(
                    _("Publish…"),
                    url=reverse(f"{ROUNDS}:publish", args=[self.round.pk]),
                    icon_name="upload",
                )
            ]
        return []

    @cached_property
    def member_entry(self):
        return MemberEntries()

    @cached_property
    def proposal(self):
        return Proposal.objects.filter(round=self.round).select_related("created_by").first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = self.round
        context.update(
            round=round_,
            proposal=self.proposal,
            can_adjust=round_.can_be_matched,
            run_url=reverse(f"{ROUNDS}:run_matching", args=[round_.pk]),
            rule_url=reverse(f"{ROUNDS}:add_rule", args=[round_.pk]),
            swap_url=reverse(f"{ROUNDS}:swap", args=[round_.pk]),
            publish_url=reverse(f"{ROUNDS}:publish", args=[round_.pk]),
            rule_form=PairForm(prefix="rule"),
            swap_form=PairForm(prefix="swap"),
            max_score=matching.MAX_SCORE,
            next_url=self.request.get_full_path(),
            active_count=self.round.applications.active().count(),
        )
        if self.proposal is None:
            context["rules"] = self.rules()
            return context

        # Counted by the database: the page holds only what it shows (a large working set
        # makes Python's garbage collector the slowest part of a request).
        groups = ProposedGroup.objects.filter(proposal=self.proposal)
        summary = groups.annotate(size=Count("applications")).aggregate(
            groups=Count("pk"),
            pairs=Count("pk", filter=Q(size=2)),
            trios=Count("pk", filter=Q(size=3)),
            matched=Sum("size"),
            weighted=Sum(F("size") * F("score")),
            broken=Count("pk", filter=BROKEN),
            pinned=Count("pk", filter=Q(pinned=True)),
        )
        matched = summary["matched"] or 0
        summary["mean_score"] = summary["weighted"] / matched if matched else 0
        unmatched = self.unmatched()
        summary["unmatched"] = len(unmatched)
        context.update(
            summary=summary,
            unmatched=unmatched,
            rules=self.rules(),
            changed=self.changed_applications(unmatched),
        )
        context.update(self.groups_page(groups))
        return context

    def unmatched(self):
        reasons = {int(app_id): reason for app_id, reason in self.proposal.unmatched}
        applications = shown_applications().filter(pk__in=reasons).only("status", *SHOWN_FIELDS)
        return [
            {
                **self.member_entry.of(app),
                "reason": reasons[app.pk],
                "active": app.status == Application.Status.SUBMITTED,
            }
            for app in sorted(applications, key=lambda app: app.pk)
        ]

    def rules(self):
        shown = [f"{end}__{field}" for end in ("first", "second") for field in SHOWN_FIELDS]
        rules = list(
            self.round.pair_rules.select_related("first__member", "second__member", "created_by")
            .only(
                "round",  # the manager sets it: deferred, it would cost a query a rule
                "kind",
                "created_at",
                "first",
                "second",
                "created_by",
                *shown,
                "created_by__username",
                "created_by__first_name",
                "created_by__last_name",
            )
            .order_by("created_at", "pk")
        )
        group_of = {}
        if self.proposal is not None and rules:
            group_of = dict(
                self.in_proposal.filter(
                    application_id__in={i for r in rules for i in (r.first_id, r.second_id)}
                ).values_list("application_id", "proposedgroup_id")
            )
        rows = []
        for rule in rules:
            first, second = group_of.get(rule.first_id), group_of.get(rule.second_id)
            together = first is not None and first == second
            if rule.kind == PairRule.Kind.PIN:
                kept = together
                status = (
                    _("kept") if kept else _("not in this proposal yet: run the matching again")
                )
            else:
                kept = not together
                status = _("kept") if kept else _("broken: they are together in this proposal")
            rows.append(
                {
                    "rule": rule,
                    "members": [self.member_entry.of(app) for app in (rule.first, rule.second)],
                    "kept": kept,
                    "status": status,
                    "remove_url": reverse(f"{ROUNDS}:remove_rule", args=[self.round.pk, rule.pk]),
                }
            )
        return rows

    @cached_property
    def in_proposal(self):
        """The proposal's (group, application) rows."""
        return ProposedGroup.applications.through.objects.filter(
            proposedgroup__proposal=self.proposal
        )

    def changed_applications(self, unmatched):
        """Applications withdrawn, deferred or added since the proposal was made."""
        active = self.round.applications.active()
        gone = self.in_proposal.exclude(application__in=active).count()
        gone += sum(1 for entry in unmatched if not entry["active"])
        gone += len(self.proposal.unmatched) - len(unmatched)  # deleted since
        new = (
            active.exclude(pk__in=self.in_proposal.values("application_id"))
            .exclude(pk__in=[app_id for app_id, _reason in self.proposal.unmatched])
            .count()
        )
        return {"gone": gone, "new": new}

    @cached_property
    def filter_form(self):
        return ReviewFilterForm(self.request.GET or None)

    def groups_page(self, groups):
        form = self.filter_form
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        shown = groups.order_by("score", "pk")
        if filters.get("q"):
            shown = shown.filter(pk__in=self.groups_with_applicant(filters["q"]))
        if filters.get("below") is not None:
            shown = shown.filter(score__lt=filters["below"])
        if filters.get("problems"):
            shown = shown.filter(BROKEN)
        shown = shown.values_list("pk", flat=True)
        if filters.get("weakest"):
            shown = shown[: filters["weakest"]]
        paginator = Paginator(shown, GROUPS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        ids = list(page.object_list)
        # Plain values, not model instances with prefetched managers: those hold reference
        # cycles, which only the garbage collector frees.
        loaded = {
            group["pk"]: group
            for group in ProposedGroup.objects.filter(pk__in=ids).values(
                "pk", "score", "reasons", "problems", "pinned"
            )
        }
        members_of = {group_id: [] for group_id in ids}
        for group_id, *member in (
            ProposedGroup.applications.through.objects.filter(proposedgroup_id__in=ids)
            .order_by("application_id")
            .values_list(
                "proposedgroup_id",
                "application_id",
                "application__external_id",
                "application__country",
                "application__member_id",
                "application__member__display_name",
            )
        ):
            members_of[group_id].append(self.member_entry(*member))
        rows = []
        for group_id in ids:
            group, members = loaded[group_id], members_of[group_id]
            row = {
                "group": group,
                "members": members,
                "is_trio": len(members) == 3,
                "score": f"{group['score']:.0f}",
                "band": score_band(group["score"]),
                "pair": None,
            }
            if len(members) == 2:
                names = {"first": members[0]["name"], "second": members[1]["name"]}
                row["pair"] = [member["id"] for member in members]
                row["pin_label"] = _("%(first)s and %(second)s together") % names
                row["forbid_label"] = _("pairing %(first)s with %(second)s") % names
            rows.append(row)
        return {
            "filter_form": form,
            "is_filtering": bool(filters),
            "group_rows": rows,
            "page_obj": page,
            "paginator": paginator,
            "shown_count": paginator.count,
        }

    def groups_with_applicant(self, query):
        through = ProposedGroup.applications.through.objects.filter(
            proposedgroup__proposal=self.proposal
        )
        query = query.strip()
        match = Q(application__external_id__iexact=query)
        if query.lstrip("#").isdigit():  # an application id
            match |= Q(application_id=int(query.lstrip("#")))
        else:
            match |= Q(application__member__display_name__icontains=query)
        return through.filter(match).values("proposedgroup_id")


class MatchingActionView(MatchingPermissionMixin, View):
    """A POST that changes a round's matching through matchmaking; refusals (ValidationError)
    become error messages. Back to the review, at the page the coordinator was on."""

    http_method_names = ["post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.round = get_object_or_404(Round, pk=kwargs["pk"])

    def post(self, request, *args, **kwargs):
        try:
            self.perform()
        except ValidationError as error:
            messages.error(request, self.refusal_prefix() + " ".join(error.messages))
        return redirect(self.get_success_url())

    def refusal_prefix(self):
        return ""

    def perform(self):
        raise NotImplementedError

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            f"{ROUNDS}:matching", args=[self.round.pk]
        )

    def pair(self, prefix):
        form = PairForm(self.request.POST, prefix=prefix)
        if not form.is_valid():
            raise ValidationError(_("Give two application ids."))
        return form.cleaned_data["first"], form.cleaned_data["second"]


def _summary_message(proposal):
    groups = list(proposal.groups.annotate(size=Count("applications")).values_list("size", "score"))
    matched = sum(size for size, _score in groups)
    mean = sum(size * score for size, score in groups) / matched if matched else 0
    trios = sum(1 for size, _score in groups if size == 3)
    return _(
        "Matching stored: %(pairs)s, %(trios)s, %(unmatched)s unmatched; mean score %(mean).1f."
    ) % {
        "pairs": ngettext("%d pair", "%d pairs", len(groups) - trios) % (len(groups) - trios),
        "trios": ngettext("%d trio", "%d trios", trios) % trios,
        "unmatched": len(proposal.unmatched),
        "mean": mean,
    }


class RunMatchingView(MatchingActionView):
    def refusal_prefix(self):
        return _("The matching was not run: ")

    def perform(self):
        proposal = matchmaking.run_and_store(self.round, self.request.user)
        log(instance=self.round, action="programme.matching.run")
        messages.success(self.request, _summary_message(proposal))


class AddRuleView(MatchingActionView):
    def refusal_prefix(self):
        if self.request.POST.get("kind") == PairRule.Kind.PIN:
            return _("Not pinned: ")
        return _("Not forbidden: ")

    def perform(self):
        kind = self.request.POST.get("kind")
        if kind not in PairRule.Kind.values:
            raise ValidationError(_("Choose to pin the pair or to forbid it."))
        first, second = self.pair("rule")
        matchmaking.add_rule(self.round, first, second, kind, user=self.request.user)
        log(
            instance=self.round,
            action="programme.matching.rule",
            data={"kind": kind, "first": first, "second": second},
        )
        if kind == PairRule.Kind.PIN:
            message = _(
                "%(first)s and %(second)s are pinned together. Run the matching again to "
                "build the other groups around the pins."
            )
        else:
            message = _(
                "%(first)s and %(second)s will never be paired. Run the matching again to apply it."
            )
        messages.success(self.request, message % {"first": first, "second": second})


class RemoveRuleView(MatchingActionView):
    def perform(self):
        rule = get_object_or_404(PairRule, round=self.round, pk=self.kwargs["rule_id"])
        matchmaking.remove_rule(self.round, rule.pk)
        log(instance=self.round, action="programme.matching.rule_removed", data={"rule": rule.pk})
        messages.success(
            self.request,
            _("Rule removed (%(first)s and %(second)s). Run the matching again to apply it.")
            % {"first": rule.first_id, "second": rule.second_id},
        )


class SwapView(MatchingActionView):
    def refusal_prefix(self):
        return _("Not swapped: ")

    def perform(self):
        first, second = self.pair("swap")
        proposal = Proposal.objects.filter(round=self.round).first()
        if proposal is None:
            raise ValidationError(_("Run the matching first."))
        groups = matchmaking.swap(proposal, first, second)
        log(
            instance=self.round,
            action="programme.matching.swap",
            data={"first": first, "second": second},
        )
        messages.success(
            self.request,
            _("Swapped %(first)s and %(second)s: their groups now score %(a).0f and %(b).0f.")
            % {"first": first, "second": second, "a": groups[0].score, "b": groups[1].score},
        )
        problems = [problem for group in groups for problem in group.problems]
        if problems:
            messages.warning(
                self.request,
                _("The new groups break a hard rule (publishing is refused until fixed): %s")
                % "; ".join(problems),
            )


class PublishView(
    MatchingPermissionMixin, RoundObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Publishing asks first (GET), then creates the partnerships (POST) through
    matchmaking.publish, which refuses while a group breaks a hard rule."""

    template_name = "programme/admin/matching_publish.html"
    header_icon = "upload"
    page_title = gettext_lazy("Publish the matching")

    def post(self, request, *args, **kwargs):
        try:
            partnerships = matchmaking.publish(self.round)
        except ValidationError as error:
            messages.error(request, _("Not published: ") + " ".join(error.messages))
            return redirect(self.review_url)
        log(instance=self.round, action="programme.matching.publish")
        messages.success(
            request,
            ngettext(
                "%(count)s partnership published; “%(round)s” is now running.",
                "%(count)s partnerships published; “%(round)s” is now running.",
                len(partnerships),
            )
            % {"count": len(partnerships), "round": self.round},
        )
        return redirect(f"{reverse(f'{PARTNERSHIPS}:index')}?round={self.round.pk}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = Proposal.objects.filter(round=self.round).first()
        groups = (
            list(
                proposal.groups.annotate(size=Count("applications")).values_list("size", "problems")
            )
            if proposal
            else []
        )
        context.update(
            round=self.round,
            proposal=proposal,
            group_count=len(groups),
            people=sum(size for size, _problems in groups),
            broken=sum(1 for _size, problems in groups if problems),
            unmatched=len(proposal.unmatched) if proposal else 0,
            action_url=reverse(f"{ROUNDS}:publish", args=[self.round.pk]),
            cancel_url=self.review_url,
        )
        return context


# The round's calendar ------------------------------------------------------------------------


class RoundForm(WagtailAdminModelForm):
    """The round's form with its calendar (the RoundTopic inline): one topic a fortnight,
    released between the partnerships' start and end, and only topics whose publication
    the user may schedule (a page not live yet needs its publish permission)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("calendar_topics")
        start = cleaned.get("partnership_start")
        if formset is None or start is None or not formset.is_valid():
            return cleaned
        end = cleaned.get("partnership_end") or add_months(start, PARTNERSHIP_MONTHS)
        kept = [
            form
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("topic")
            and form.cleaned_data.get("release_date")
        ]
        problems = programme_calendar.calendar_problems(
            Round(partnership_start=start, partnership_end=end),
            [
                (form.cleaned_data["topic"].title, form.cleaned_data["release_date"])
                for form in kept
            ],
        )
        user = getattr(self, "for_user", None)
        for form in kept:
            topic = form.cleaned_data["topic"]
            if (
                user is not None
                and form.has_changed()
                and not topic.live
                and not topic.permissions_for_user(user).can_publish()
            ):
                problems.append(
                    _(
                        "You may not publish “%(topic)s”, so its release cannot be scheduled: "
                        "ask an editor to add it."
                    )
                    % {"topic": topic.title}
                )
        if problems:
            raise ValidationError(problems)
        return cleaned


def schedule_calendar(request, round_, form=None):
    """After the round (and its calendar) was saved: schedule each topic page's publication
    on its release date, cancel it for pages taken out of the calendar, and say what
    happened."""
    formset = form.formsets.get("calendar_topics") if form is not None else None
    removed = []
    if formset is not None:
        removed = [round_topic.topic_id for round_topic in formset.deleted_objects]
        removed += [
            form.initial["topic"]
            for form in formset.forms
            if form.instance.pk and "topic" in form.changed_data and form.initial.get("topic")
        ]
    kept = {rt.topic_id for rt in round_.calendar_topics.all()}
    for page in TopicPage.objects.filter(pk__in=set(removed) - kept):
        programme_calendar.cancel_release(page)
    results = [
        (round_topic, programme_calendar.schedule_release(round_topic, request.user))
        for round_topic in round_.calendar_topics.select_related("topic").order_by("release_date")
    ]
    report_releases(request, results)
    return results


def report_releases(request, results):
    Release = programme_calendar.Release
    done = {}
    for round_topic, result in results:
        done.setdefault(result, []).append(round_topic)
    if scheduled := done.get(Release.SCHEDULED):
        messages.success(
            request,
            ngettext(
                "%(count)s topic page is scheduled to be published on its release date.",
                "%(count)s topic pages are scheduled to be published on their release dates.",
                len(scheduled),
            )
            % {"count": len(scheduled)},
        )
    if published := done.get(Release.PUBLISHED):
        messages.success(
            request,
            ngettext(
                "%(count)s topic page was published now: its release date has come.",
                "%(count)s topic pages were published now: their release dates have come.",
                len(published),
            )
            % {"count": len(published)},
        )
    today = timezone.localdate()
    early = [rt for rt in done.get(Release.ALREADY_LIVE, []) if rt.release_date > today]
    if early:
        messages.warning(
            request,
            _("Already published before their release date (they stay published): %s")
            % ", ".join(f"“{rt.topic.title}”" for rt in early),
        )


class RoundCreateView(generic.CreateView):
    """Saving schedules the new round's calendar."""

    def save_instance(self):
        instance = super().save_instance()
        schedule_calendar(self.request, instance, self.form)
        return instance


class SpaceTopicsView(
    RoundObjectMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Give the round's topics, in their order, release dates a fortnight apart from the
    partnerships' start (GET shows them, POST sets and schedules them)."""

    permission_policy = round_permission_policy
    permission_required = "change"
    template_name = "programme/admin/calendar_space.html"
    header_icon = "date"
    page_title = gettext_lazy("Release a topic every fortnight")

    def round_topics(self):
        return list(
            self.round.calendar_topics.select_related("topic").order_by(
                "sort_order", "release_date", "pk"
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_topics = self.round_topics()
        dates = programme_calendar.propose_release_dates(self.round, len(round_topics))
        refused = [
            rt.topic
            for rt in round_topics
            if not rt.topic.live
            and not rt.topic.permissions_for_user(self.request.user).can_publish()
        ]
        context.update(
            round=self.round,
            rows=[
                {"round_topic": rt, "proposed": day, "changes": rt.release_date != day}
                for rt, day in zip(round_topics, dates, strict=True)
            ],
            late=[day for day in dates if day > self.round.partnership_end],
            refused=refused,
            action_url=reverse(f"{ROUNDS}:space_topics", args=[self.round.pk]),
            cancel_url=reverse(f"{ROUNDS}:edit", args=[self.round.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        round_topics = self.round_topics()
        if any(
            not rt.topic.live and not rt.topic.permissions_for_user(request.user).can_publish()
            for rt in round_topics
        ):
            messages.error(request, _("You may not publish some of these topics: ask an editor."))
            return redirect(f"{ROUNDS}:space_topics", self.round.pk)
        dates = programme_calendar.propose_release_dates(self.round, len(round_topics))
        if dates and dates[-1] > self.round.partnership_end:
            messages.error(
                request,
                _("Not changed: more topics than fortnights, the last would come after the end."),
            )
            return redirect(f"{ROUNDS}:space_topics", self.round.pk)
        with transaction.atomic():
            results = programme_calendar.space_topics(self.round, request.user)
        log(instance=self.round, action="programme.calendar.space")
        messages.success(
            request,
            ngettext(
                "%(count)s topic now released every fortnight from %(start)s.",
                "%(count)s topics now released every fortnight from %(start)s.",
                len(results),
            )
            % {
                "count": len(results),
                "start": date_format(self.round.partnership_start, "DATE_FORMAT"),
            },
        )
        report_releases(request, results)
        return redirect(f"{ROUNDS}:edit", self.round.pk)


# The round dashboard ------------------------------------------------------------------------


def _percent(value):
    """A share as the dashboard's tables write it (floatformat: 72.5 is 73%)."""
    return "—" if value is None else f"{floatformat(value, 0)}%"


class RoundDashboardView(
    MatchingPermissionMixin, RoundObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A round in figures for its coordinators (programme.figures.round_dashboard), the
    question of the round's stage first: who applied (open), matched and unmatched
    (matching), contact and the rematch queue (running), feedback (finished). Each figure
    with a chart drawn on the server. Nine queries whatever the round's size."""

    template_name = "programme/admin/round_dashboard.html"
    header_icon = "table"
    page_title = gettext_lazy("Dashboard")

    @cached_property
    def header_buttons(self):
        here = reverse(f"{ROUNDS}:dashboard", args=[self.round.pk])
        return [
            button
            for button in round_buttons(self.round, self.request.user, button_class=HeaderButton)
            if button.url != here
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dashboard = figures.round_dashboard(self.round)
        rtl = translation.get_language_bidi()
        applications = dashboard.applications
        by_country = sorted(applications["country"].items(), key=lambda item: (-item[1], item[0]))
        countries_shown = by_country[:COUNTRIES_CHARTED]
        rest = by_country[COUNTRIES_CHARTED:]
        country_rows = [(countries.name(code), n, str(n)) for code, n in countries_shown]
        if rest:
            country_rows.append(
                (
                    ngettext("%(count)s more country", "%(count)s more countries", len(rest))
                    % {"count": len(rest)},
                    max(n for _code, n in rest),
                    _("at most %(n)s each") % {"n": max(n for _code, n in rest)},
                )
            )
        sectors = dict(Application._meta.get_field("sector").choices)
        sector_rows = [
            (sectors.get(sector, sector), n, str(n))
            for sector, n in sorted(applications["sector"].items(), key=lambda item: -item[1])
        ]
        matching_ = dashboard.matching
        check_ins = dashboard.check_ins
        feedback = dashboard.feedback
        charts = {
            "countries": bar_chart(
                country_rows,
                chart_id="chart-countries",
                title=_("Applications by country"),
                description=_(
                    "Active applications per country; the line is the country cap, the most "
                    "one country may hold now (%(cap)s)."
                )
                % {"cap": dashboard.country_cap},
                line=dashboard.country_cap,
                line_label=_("cap %(cap)s") % {"cap": dashboard.country_cap},
                rtl=rtl,
            ),
            "sectors": bar_chart(
                sector_rows,
                chart_id="chart-sectors",
                title=_("Applications by library sector"),
                rtl=rtl,
            ),
            "contact": bar_chart(
                [
                    row
                    for moment in check_ins
                    for row in (
                        (
                            _("%(moment)s: answered") % {"moment": moment["label"]},
                            moment["response_rate"],
                            _percent(moment["response_rate"]),
                        ),
                        (
                            _("%(moment)s: in contact") % {"moment": moment["label"]},
                            moment["in_contact_share"],
                            _percent(moment["in_contact_share"]),
                            "chart__bar--accent",
                        ),
                    )
                ],
                chart_id="chart-contact",
                title=_("Check-ins"),
                description=_(
                    "Per check-in, the share of members asked who answered, and among those "
                    "who answered, the share in contact with their partner."
                ),
                max_value=100,
                rtl=rtl,
            ),
            "ratings": bar_chart(
                [
                    (
                        ngettext("%(n)s star", "%(n)s stars", rating) % {"n": rating},
                        n,
                        str(n),
                    )
                    for rating, n in feedback["ratings"]
                ],
                chart_id="chart-ratings",
                title=_("Feedback ratings"),
                description=_("How many members gave each rating, from 5 (best) to 1."),
                rtl=rtl,
            ),
        }
        if matching_["matched"] is not None:
            charts["matching"] = bar_chart(
                [
                    (_("Matched"), matching_["matched"], str(matching_["matched"])),
                    (
                        _("Unmatched"),
                        matching_["unmatched"],
                        str(matching_["unmatched"]),
                        "chart__bar--warning",
                    ),
                ],
                chart_id="chart-matching",
                title=_("Matched and unmatched applicants"),
                rtl=rtl,
            )
        if feedback["responses"]:
            charts["again"] = bar_chart(
                [
                    (_("Would take part again"), feedback["again"], str(feedback["again"])),
                    (
                        _("Would not"),
                        feedback["responses"] - feedback["again"],
                        str(feedback["responses"] - feedback["again"]),
                        "chart__bar--warning",
                    ),
                ],
                chart_id="chart-again",
                title=_("Would take part again"),
                rtl=rtl,
            )
        context.update(
            round=self.round,
            dashboard=dashboard,
            by_country=[
                (code, countries.name(code), n, dashboard.country_cap - n) for code, n in by_country
            ],
            sector_rows=sector_rows,
            charts=charts,
            statuses=[
                (label, applications["status"].get(value, 0))
                for value, label in Application.Status.choices
            ],
            queue_url=reverse(f"{ROUNDS}:rematch_queue", args=[self.round.pk]),
            applications_url=f"{reverse(f'{APPLICATIONS}:index')}?round={self.round.pk}",
            partnerships_url=f"{reverse(f'{PARTNERSHIPS}:index')}?round={self.round.pk}",
            review_url=self.review_url,
        )
        return context


COUNTRIES_CHARTED = 15


# The rematch queue ---------------------------------------------------------------------------


class RematchQueueView(
    MatchingPermissionMixin, RoundObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """The round's open rematch requests (programme.partnerships.rematch_queue): who
    reported, when, from where, their note, their partnership and partner(s). Selected
    requests are rematched with each other (partnerships.rematch) or closed without a
    rematch (partnerships.close_request). Four queries whatever the queue's length."""

    template_name = "programme/admin/rematch_queue.html"
    header_icon = "resubmit"
    page_title = gettext_lazy("Rematch queue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = list(partnerships.rematch_queue(self.round))
        waiting = {request.membership_id for request in requests}
        partners = {}
        for membership in (
            PartnershipMember.objects.filter(
                partnership_id__in={request.membership.partnership_id for request in requests}
            )
            .select_related("member")
            .order_by("pk")
        ):
            partners.setdefault(membership.partnership_id, []).append(membership)
        inspect_url = reverse(f"{PARTNERSHIPS}:inspect", args=[MemberEntries.PLACEHOLDER])
        rows = []
        for request in requests:
            membership = request.membership
            rows.append(
                {
                    "request": request,
                    "member": membership.member,
                    "country": membership.country,
                    "partnership": membership.partnership,
                    "partnership_url": inspect_url.replace(
                        MemberEntries.PLACEHOLDER, str(membership.partnership_id)
                    ),
                    "partners": [
                        {"membership": other, "waiting": other.pk in waiting}
                        for other in partners.get(membership.partnership_id, [])
                        if other.pk != membership.pk
                    ],
                }
            )
        context.update(
            round=self.round,
            rows=rows,
            can_rematch=self.round.state == Round.State.RUNNING,
            action_url=reverse(f"{ROUNDS}:rematch_queue", args=[self.round.pk]),
            dashboard_url=reverse(f"{ROUNDS}:dashboard", args=[self.round.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = [int(value) for value in request.POST.getlist("request") if value.isdigit()]
        chosen = list(partnerships.rematch_queue(self.round).filter(pk__in=ids))
        action = request.POST.get("action")
        if not chosen:
            messages.error(request, _("Choose one or more members in the queue."))
        elif action == "rematch":
            self.rematch(chosen)
        elif action == "close":
            for rematch_request in chosen:
                partnerships.close_request(rematch_request)
            log(
                instance=self.round,
                action="programme.rematch.close",
                data={"requests": [r.pk for r in chosen]},
            )
            messages.success(
                request,
                ngettext(
                    "%(count)s request closed without a rematch.",
                    "%(count)s requests closed without a rematch.",
                    len(chosen),
                )
                % {"count": len(chosen)},
            )
        else:
            messages.error(request, _("Choose to rematch the members or to close their requests."))
        return redirect(f"{ROUNDS}:rematch_queue", self.round.pk)

    def rematch(self, chosen):
        if len(chosen) < 2:
            messages.error(
                self.request, _("Choose at least two members to rematch with each other.")
            )
            return
        try:
            result = partnerships.rematch(self.round, chosen)
        except ValidationError as error:
            messages.error(self.request, _("Not rematched: ") + " ".join(error.messages))
            return
        log(
            instance=self.round,
            action="programme.rematch",
            data={
                "requests": [r.pk for r in chosen],
                "partnerships": [p.pk for p in result.partnerships],
            },
        )
        if result.partnerships:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s new partnership: the partners are introduced by the next "
                    "programme e-mail run.",
                    "%(count)s new partnerships: the partners are introduced by the next "
                    "programme e-mail run.",
                    len(result.partnerships),
                )
                % {"count": len(result.partnerships)},
            )
        for rematch_request, reason in result.unmatched:
            member = rematch_request.membership.member
            messages.warning(
                self.request,
                _("%(member)s stays in the queue: %(reason)s.")
                % {"member": member or _("Former member"), "reason": reason},
            )
