from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale, Page

from members.models import MemberProfile

from . import applications
from .forms import ApplicationForm
from .models import Application, Round

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
