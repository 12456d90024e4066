import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag

from core.filters import ListingFilterForm

from . import photos
from .choices import CareerStage, LibrarySector
from .models import MemberProfile

MAX_INTERESTS = 12
MAX_INTEREST_LENGTH = 50


def time_zone_choices():
    return [("", "---------")] + [(name, name) for name in sorted(zoneinfo.available_timezones())]


def country_choices(blank_label):
    return [("", blank_label), *((code, name) for code, name in countries)]


class PhotoField(forms.FileField):
    """A file field checked by members.photos (format, size, pixels) instead of Django's
    ImageField, which would decode the whole file before any size check."""

    widget = forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            photos.validate_photo(upload)
        return upload


class ProfileForm(forms.ModelForm):
    photo_upload = PhotoField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB. Location and camera data are removed."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices, required=False)
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )

    class Meta:
        model = MemberProfile
        fields = [
            "display_name",
            "country",
            "city",
            "institution",
            "sector",
            "role",
            "career_stage",
            "interests",
            "languages",
            "time_zone",
            "bio",
            "website",
            "social_handle",
            "visibility",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "interests": _("Separate interests with commas, for example: outreach, cataloguing."),
            "bio": _("Plain text, at most 1,000 characters."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required here, optional on the model: an account exists before its profile is done.
        for name in ("display_name", "country", "sector", "career_stage"):
            self.fields[name].required = True

    def clean_interests(self):
        interests = self.cleaned_data.get("interests") or []
        if len(interests) > MAX_INTERESTS:
            raise ValidationError(
                _("Please list at most %(max)s interests."), params={"max": MAX_INTERESTS}
            )
        too_long = [name for name in interests if len(name) > MAX_INTEREST_LENGTH]
        if too_long:
            raise ValidationError(
                _("Each interest can be at most %(max)s characters long."),
                params={"max": MAX_INTEREST_LENGTH},
            )
        return interests

    def save(self, commit=True):
        """Save the profile; a new photo replaces (and deletes) the old one. Call inside a
        transaction: the old photo's files are deleted only when it commits."""
        profile = super().save(commit=False)
        old_photo = profile.photo.name
        upload = self.cleaned_data.get("photo_upload")
        if upload:
            profile.photo.name = photos.store_member_photo(upload)
            profile.photo_key = photos.new_photo_key()
        elif self.cleaned_data.get("remove_photo"):
            profile.photo.name = ""
            profile.photo_key = ""
        if commit:
            profile.save()
            self.save_m2m()
            if old_photo and profile.photo.name != old_photo:
                photos.delete_member_photo_files(old_photo)
        return profile


class DirectoryFilterForm(ListingFilterForm):
    """The directory's query string. Invalid values are reported and ignored, never passed
    to the database."""

    tag = None
    year = None
    q = forms.CharField(label=_("Name or institution"), max_length=100, required=False)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=lambda: country_choices(_("Any country"))
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("Any sector")), *LibrarySector.choices],
    )
    career_stage = forms.ChoiceField(
        label=_("Career stage"),
        required=False,
        choices=[("", _("Any stage")), *CareerStage.choices],
    )
    interest = forms.ChoiceField(label=_("Interest"), required=False)

    def __init__(self, *args, interest_tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interest"].choices = [("", _("Any interest"))] + [
            (tag.slug, tag.name) for tag in interest_tags
        ]


def interest_tags_in_use():
    """Tags some listed member has chosen, for the directory's interest filter."""
    listed = MemberProfile.objects.listed()
    return (
        Tag.objects.filter(members_memberinterest_items__content_object__in=listed)
        .distinct()
        .order_by("name")
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is not correct."))
        return password
