from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Locale, Page

from members.models import MemberProfile

from . import applications, links, partnerships
from .forms import ApplicationForm, CheckInConfirmForm, FeedbackForm, NoReplyForm
from .models import Application, CheckIn, Feedback, PartnershipMember, RematchRequest, Round

CODE_OF_CONDUCT_SLUG = "code-of-conduct"


def overview(request):
    """How a round works, the current or next round with its dates, and how to apply."""
    current = Round.objects.current()
    own = None
    if current is not None and request.user.is_authenticated:
        own = Application.objects.filter(round=current, member__user=request.user).first()
    return render(request, "programme/overview.html", {"round": current, "application": own})


def code_of_conduct():
    """The code of conduct guidance page in the visitor's language, found by its slug (its
    URL is synchronised across translations)."""
    pages = Page.objects.live().public().filter(slug=CODE_OF_CONDUCT_SLUG)
    return pages.filter(locale=Locale.get_active()).first() or pages.first()


@require_http_methods(["GET", "POST"])
def apply(request):
    if not request.user.is_authenticated:
        # New applicants are new members: sign-up (which links to log-in) and back here.
        return redirect(f"{reverse('account_signup')}?{urlencode({'next': request.path})}")
    round_ = Round.objects.open_now().order_by("applications_close").first()
    member = MemberProfile.objects.own(request.user)
    existing = round_ and Application.objects.filter(round=round_, member=member).first()
    if round_ is None:
        messages.info(request, _("No round is open for applications at the moment."))
        return redirect("programme:overview")
    form = ApplicationForm(
        request.POST or None, initial=applications.initial_answers(member, round_)
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = applications.submit(member, round_, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if application.status == Application.Status.DEFERRED:
                messages.warning(
                    request,
                    _(
                        "Your country already holds its share of this round's places, so "
                        "your application is deferred to the next round. We will keep it "
                        "and tell you when that round opens."
                    ),
                )
            elif existing and existing.status == Application.Status.SUBMITTED:
                messages.success(request, _("Your application has been updated."))
            else:
                messages.success(request, _("Thank you! Your application has been received."))
            return redirect("programme:apply")
    return render(
        request,
        "programme/apply.html",
        {
            "form": form,
            "round": round_,
            "application": existing,
            "code_of_conduct": code_of_conduct(),
        },
    )


@login_required
@require_POST
def withdraw(request):
    application = (
        Application.objects.filter(member__user=request.user, round__in=Round.objects.open_now())
        .exclude(status=Application.Status.WITHDRAWN)
        .select_related("round")
        .first()
    )
    if application is None:
        messages.error(request, _("You have no application that can still be withdrawn."))
        return redirect("programme:overview")
    try:
        applications.withdraw(application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("programme:overview")


# The partnership page ----------------------------------------------------------------------


@login_required
@require_safe
def partnership(request):
    """The member's current partner(s) with their profile and contact, the round's
    calendar and released topics, "My partner has not replied", and past partnerships."""
    profile = MemberProfile.objects.own(request.user)
    found = partnerships.member_partnerships(profile)
    for view in found.current:
        for partner in view.partners:
            visible = partner.profile is not None and partner.profile.is_visible_to(request.user)
            partner.profile_url = partner.profile.get_absolute_url() if visible else ""
        if view.can_report_no_reply:
            view.no_reply_form = NoReplyForm(
                initial={"membership": view.membership.pk},
                auto_id=f"no-reply-{view.membership.pk}-%s",
            )
    return render(
        request,
        "programme/partnership.html",
        {"partnerships": found, "has_any": bool(found)},
    )


@login_required
@require_POST
def report_no_reply(request):
    form = NoReplyForm(request.POST)
    membership = None
    if form.is_valid():
        membership = (
            PartnershipMember.objects.filter(
                pk=form.cleaned_data["membership"], member__user=request.user
            )
            .select_related("partnership__round")
            .first()
        )
    if membership is None:
        messages.error(request, _("That is not one of your partnerships."))
        return redirect("programme:partnership")
    try:
        _request, created = partnerships.report_no_reply(
            membership, RematchRequest.Source.PARTNERSHIP_PAGE, form.cleaned_data["note"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if created:
            messages.success(
                request,
                _(
                    "Thank you for telling us. You are now in the queue for a new partner: "
                    "a coordinator will match you with someone else who is waiting, and "
                    "you will receive an introduction by e-mail."
                ),
            )
        else:
            messages.info(
                request,
                _("You are already in the queue for a new partner. We will be in touch."),
            )
    return redirect("programme:partnership")


# Signed links from programme e-mail (no log-in) ---------------------------------------------


def link_error(request, error):
    """A friendly page for a link that cannot be used: 410 once expired, 400 when it is not
    a link we made (mangled by a mail program, cut short, tampered with)."""
    if isinstance(error, links.LinkExpired):
        return render(request, "programme/link_expired.html", status=410)
    return render(request, "programme/link_invalid.html", status=400)


def link_gone(request):
    """A genuine link whose partnership or member no longer exists."""
    return render(request, "programme/link_gone.html", status=410)


def _follow(request, read, token):
    """(link, membership, None) for a valid signed link whose member still exists, else
    (None, None, the error page): expired, tampered or gone."""
    try:
        link = read(token)
    except links.LinkError as error:
        return None, None, link_error(request, error)
    membership = (
        PartnershipMember.objects.filter(pk=link.membership_id, member__isnull=False)
        .select_related("partnership__round")
        .first()
    )
    if membership is None:
        return None, None, link_gone(request)
    return link, membership, None


# Why two clicks: mail scanners (Safe Links and the like) fetch every link in a message
# before the member reads it. Recording on GET would file an answer for everyone, the last
# link fetched winning, and "My partner has not replied" would put every recipient in the
# rematch queue. So the link (GET) shows the answer with one, focused "Confirm" button,
# and only the POST records it: idempotently (one CheckIn per membership and moment).
@never_cache
@require_http_methods(["GET", "POST"])
def check_in(request, token):
    link, membership, refused = _follow(request, links.read_check_in, token)
    if refused:
        return refused
    with_note = link.answer == links.Answer.NO_REPLY
    data = request.POST if request.method == "POST" else None  # an empty POST is a POST
    form = CheckInConfirmForm(data, with_note=with_note)
    if request.method == "POST" and form.is_valid():
        partnerships.record_check_in(
            membership, link.moment, link.answer, form.cleaned_data.get("note", "")
        )
        return redirect("programme:check-in-done", token=token)
    others = [
        (links.Answer.LABELS[answer], links.check_in_token(membership, link.moment, answer))
        for answer in links.Answer.ALL
        if answer != link.answer
    ]
    return render(
        request,
        "programme/check_in.html",
        {
            "form": form,
            "round": membership.partnership.round,
            "moment": CheckIn.Moment(link.moment),
            "answer": link.answer,
            "answer_label": links.Answer.LABELS[link.answer],
            "is_no_reply": with_note,
            "others": others,
            "previous": CheckIn.objects.filter(membership=membership, moment=link.moment).first(),
        },
    )


@never_cache
@require_safe
def check_in_done(request, token):
    link, membership, refused = _follow(request, links.read_check_in, token)
    if refused:
        return refused
    recorded = CheckIn.objects.filter(membership=membership, moment=link.moment).first()
    if recorded is None:
        return redirect("programme:check-in", token=token)
    return render(
        request,
        "programme/check_in_done.html",
        {
            "round": membership.partnership.round,
            "check_in": recorded,
            "answer_label": links.Answer.LABELS[link.answer],
            "in_queue": RematchRequest.objects.filter(
                membership=membership, resolved_at=None
            ).exists(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def feedback(request, token):
    link, membership, refused = _follow(request, links.read_feedback, token)
    if refused:
        return refused
    existing = Feedback.objects.filter(membership=membership).first()
    data = request.POST if request.method == "POST" else None
    form = FeedbackForm(data, initial=FeedbackForm.initial_from(existing))
    if request.method == "POST" and form.is_valid():
        partnerships.save_feedback(membership, **form.cleaned_data)
        return redirect("programme:feedback-done", token=token)
    return render(
        request,
        "programme/feedback.html",
        {"form": form, "round": membership.partnership.round, "existing": existing},
    )


@never_cache
@require_safe
def feedback_done(request, token):
    link, membership, refused = _follow(request, links.read_feedback, token)
    if refused:
        return refused
    return render(
        request,
        "programme/feedback_done.html",
        {"round": membership.partnership.round, "token": token},
    )
