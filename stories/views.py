from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members.models import MemberProfile

from . import naming, submissions
from .forms import StorySubmissionForm


@login_required
@require_http_methods(["GET", "POST"])
def submit_story(request):
    profile = MemberProfile.objects.own(request.user)
    if not profile.is_complete:
        messages.info(request, _("Please complete your profile before submitting a story."))
        return redirect("members:edit")
    form = StorySubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            submissions.submit_story(request.user, form.cleaned_data)
        except submissions.NoStoryIndex:
            messages.error(request, _("Stories cannot be submitted at the moment."))
        except submissions.TooManySubmissions:
            messages.error(
                request,
                _(
                    "You have sent several stories in a short time. Please wait a while "
                    "before sending another; your text is still here."
                ),
            )
            return render(request, "stories/story_form.html", {"form": form}, status=429)
        else:
            messages.success(
                request, _("Thank you! Your story has been sent to the editors for review.")
            )
            return redirect("members:me")
    return render(request, "stories/story_form.html", {"form": form})


@login_required
@require_http_methods(["POST"])
def story_naming(request):
    """The member agrees to be named in public partner stories, or withdraws their name
    (issue #13, finding 9)."""
    choice = request.POST.get("naming")
    profile = MemberProfile.objects.own(request.user)
    if choice not in ("agree", "withdraw"):
        messages.error(request, _("Please choose whether partner stories may name you."))
    else:
        naming.set_naming(profile, agreed=choice == "agree")
        if choice == "agree":
            messages.success(request, _("Partner stories now name you publicly."))
        else:
            messages.success(
                request, _("Your name is withdrawn from partner stories: they no longer show it.")
            )
    return redirect("members:me")
