"""The contact form between members and the answer page (see members.contact)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import contact
from .models import MemberProfile


def _over_limit(request, template, context):
    """The page for a member who has sent as many messages as the limits allow (None when
    they may write): the form is not offered, and a post is refused with a 429."""
    if not contact.is_rate_limited(request.user):
        return None
    context["rate_limited"] = True
    if request.method != "POST":
        return render(request, template, context)
    messages.error(
        request,
        _(
            "You have sent as many messages as the portal allows for now. Please try again "
            "later: the limit protects members from unwanted mail."
        ),
    )
    return render(request, template, context, status=429)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def contact_member(request, pk):
    """Write to member `pk`: only to a member who opted in and whose profile the writer may
    see; anybody else is a 404, the same as an unknown id."""
    recipient = MemberProfile.objects.select_related("user").filter(pk=pk).first()
    if recipient is None or not recipient.accepts_messages_from(request.user):
        raise Http404
    sender = MemberProfile.objects.own(request.user)
    context = {"recipient": recipient, "sender": sender}
    if not sender.is_complete:
        # The recipient is told who wrote: a name and a country are the least of it.
        context["form"] = None
        return render(request, "members/contact.html", context)
    form = contact.ContactForm(request.POST or None)
    context["form"] = form
    if refused := _over_limit(request, "members/contact.html", context):
        return refused
    if request.method == "POST" and form.is_valid():
        contact.send_first_message(request, sender, recipient, form.cleaned_data["message"])
        messages.success(
            request,
            _(
                "Your message has been sent to %(name)s. They see your name, not your e-mail "
                "address, and can answer you through the portal."
            )
            % {"name": recipient.display_name},
        )
        return redirect(recipient.get_absolute_url())
    return render(request, "members/contact.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def answer_message(request, token):
    """Answer a message received through the portal (the link in its e-mail)."""
    try:
        target = contact.read_token(token)
    except contact.BadToken:
        return render(request, "members/contact_link_invalid.html", status=404)
    except MemberProfile.DoesNotExist:
        return render(request, "members/contact_link_invalid.html", {"gone": True}, status=404)
    if target.recipient.user_id != request.user.pk:
        # The link was sent to another member: the same answer as an unknown link.
        return render(request, "members/contact_link_invalid.html", status=404)
    form = contact.ContactForm(request.POST or None)
    context = {"form": form, "writer": target.writer, "token": token}
    if refused := _over_limit(request, "members/contact_answer.html", context):
        return refused
    if request.method == "POST" and form.is_valid():
        contact.send_answer(request, target, form.cleaned_data["message"])
        messages.success(
            request,
            _(
                "Your answer has been sent to %(name)s with your e-mail address. You have "
                "received a copy with theirs: you can now write to each other directly."
            )
            % {"name": target.writer.display_name},
        )
        return redirect("members:me")
    return render(request, "members/contact_answer.html", context)
