import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.pagination import paginate

from . import dashboard, data_rights, photos
from .directory import PAGE_SIZE, directory_profiles
from .forms import (
    DeleteAccountForm,
    DirectoryFilterForm,
    ProfileForm,
    interest_tags_in_use,
)
from .models import MemberProfile, is_coordinator


@login_required
def directory(request):
    form = DirectoryFilterForm(request.GET, interest_tags=interest_tags_in_use())
    filters = form.filters
    if form.ignored:
        messages.warning(request, _("Some filters were not recognised and have been ignored."))
    profiles = paginate(request, directory_profiles(filters), per_page=PAGE_SIZE)
    return render(
        request,
        "members/directory.html",
        {"form": form, "profiles": profiles, "filtered": bool(filters)},
    )


def profile_detail(request, pk):
    profile = MemberProfile.objects.select_related("user").filter(pk=pk).first()
    if profile is None or not profile.is_visible_to(request.user):
        # Anonymous visitors get the log-in page whether or not the profile exists, so the
        # answer reveals nothing; members get a plain 404 for hidden or unknown profiles.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return render(request, "members/profile_detail.html", _profile_context(request, profile))


@login_required
def me(request):
    profile = MemberProfile.objects.own(request.user)
    context = _profile_context(request, profile)
    context["panels"] = dashboard.panels(request)
    return render(request, "members/me.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    profile = MemberProfile.objects.own(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("members:me")
    return render(request, "members/profile_form.html", {"form": form, "profile": profile})


@login_required
def edit_other_profile(request, pk):
    """Only the owner edits a profile (coordinators use the admin). Anybody else gets the
    same 404 whether or not the profile exists, so the answer reveals nothing."""
    if not MemberProfile.objects.filter(pk=pk, user=request.user).exists():
        raise Http404
    return redirect("members:edit")


# Seconds a browser (or, for a photo anyone may see, a shared cache) keeps a photo. The key
# in the URL changes with the photo and with the profile's visibility, so a cached copy
# never outlives the visibility it was served under by more than its URL does.
PHOTO_MAX_AGE = 3600


def photo(request, pk, key, size):
    """A square variant of a member's photo, for whoever may see the profile: anonymous
    visitors only public profiles, members the members-only ones, the member and
    coordinators every one. Anything else (a wrong or old key, an unknown size) is a 404."""
    profile = MemberProfile.objects.select_related("user").filter(pk=pk).first()
    if (
        profile is None
        or not profile.photo
        or size not in photos.MEMBER_PHOTO_SIZES.values()
        or not constant_time_compare(key, profile.photo_key)
        or not profile.is_visible_to(request.user)
    ):
        raise Http404
    try:
        handle = photos.member_photo_storage.open(photos.variant_name(profile.photo.name, size))
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=photos.MEMBER_PHOTO_VARIANT_FORMAT[2])
    if profile.is_visible_to(AnonymousUser()):
        response["Cache-Control"] = f"public, max-age={PHOTO_MAX_AGE}"
    else:
        response["Cache-Control"] = f"private, max-age={PHOTO_MAX_AGE}"
        response["Vary"] = "Cookie"
    return response


@login_required
@never_cache
def export_data(request):
    data = data_rights.export_member_data(request.user, request=request)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"iln-portal-my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        data_rights.delete_member(user)
        messages.success(request, _("Your account and personal data have been deleted."))
        return redirect("/")
    return render(request, "members/delete_account.html", {"form": form})


def _profile_context(request, profile):
    return {
        "profile": profile,
        "is_own": profile.user_id == request.user.pk,
        "show_email": profile.shows_email_to(request.user),
        "is_coordinator": is_coordinator(request.user),
        "can_write": profile.accepts_messages_from(request.user),
    }
