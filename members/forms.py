import re
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from taggit.models import Tag

from core.filters import ListingFilterForm

from . import photos, throttle, time_zones
from .choices import CareerStage, LibrarySector
from .models import MemberProfile

MAX_INTERESTS = 12
MAX_INTEREST_LENGTH = 50
# New interests a member may add in one save: the shared vocabulary (taggit's Tag table,
# also used by topics and stories) grows by a bounded, validated amount, never by whatever
# text a form receives.
MAX_NEW_INTERESTS = 3
MIN_INTEREST_LENGTH = 3
# The vocabulary offered as checkboxes; larger vocabularies show their first names.
MAX_VOCABULARY = 300
# Letters of any script, digits, spaces and a little punctuation; at least one letter.
INTEREST_PATTERN = re.compile(r"^(?=.*[^\W\d_])[\w\s'&/().-]+$")
# Commas between suggestions: the Latin one and the Arabic one (،), as each keyboard types.
INTEREST_SEPARATORS = re.compile(r"[,،]")


def time_zone_choices():
    return [("", "---------")] + [(name, name) for name in sorted(zoneinfo.available_timezones())]


def country_choices(blank_label):
    return [("", blank_label), *((code, name) for code, name in countries)]


def interest_vocabulary():
    """The shared vocabulary members choose interests from: existing tags, by name."""
    return Tag.objects.order_by("name")[:MAX_VOCABULARY]


def normalise_interest(text):
    return " ".join(text.split()).lower()


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
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_(
            "The zones of your country come first. Partners use it to find a time to talk."
        ),
    )
    interests = forms.MultipleChoiceField(
        label=_("Interests"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose from the topics the network already talks about."),
    )
    new_interests = forms.CharField(
        label=_("Suggest other interests"),
        required=False,
        max_length=(MAX_INTEREST_LENGTH + 2) * MAX_NEW_INTERESTS,
        help_text=_(
            "Not in the list? Add at most three, separated by commas, for example: "
            "oral history, bookmobiles."
        ),
    )
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )

    field_order = [
        "display_name",
        "country",
        "city",
        "institution",
        "sector",
        "role",
        "career_stage",
        "interests",
        "new_interests",
        "languages",
        "time_zone",
        "bio",
        "photo_upload",
        "remove_photo",
        "website",
        "social_handle",
        "visibility",
        "accepts_messages",
    ]

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
            "languages",
            "time_zone",
            "bio",
            "website",
            "social_handle",
            "visibility",
            "accepts_messages",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "bio": _("Plain text, at most 1,000 characters."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required here, optional on the model: an account exists before its profile is done.
        for name in ("display_name", "country", "sector", "career_stage"):
            self.fields[name].required = True
        profile = self.instance
        if not profile.photo:
            del self.fields["remove_photo"]  # nothing to remove
        self.fields["time_zone"].choices = time_zones.choices(
            profile.country.code if profile.country else None, current=profile.time_zone
        )
        own = list(profile.interests.all()) if profile.pk else []
        vocabulary = {tag.pk: tag for tag in interest_vocabulary()}
        vocabulary.update((tag.pk, tag) for tag in own)
        self.vocabulary = vocabulary
        self.fields["interests"].choices = [
            (str(pk), tag.name) for pk, tag in sorted(vocabulary.items(), key=lambda i: i[1].name)
        ]
        if profile.pk:
            self.initial.setdefault("interests", [str(tag.pk) for tag in own])

    def clean_display_name(self):
        # One line: the name goes into e-mail headers and page titles.
        return " ".join(self.cleaned_data.get("display_name", "").split())

    def clean_time_zone(self):
        name = self.cleaned_data.get("time_zone", "")
        if name and not time_zones.is_valid(name):
            raise ValidationError(_("Please choose a time zone from the list."))
        return name

    def clean_new_interests(self):
        text = self.cleaned_data.get("new_interests", "")
        names = []
        for part in INTEREST_SEPARATORS.split(text):
            name = normalise_interest(part)
            if name and name not in names:
                names.append(name)
        if len(names) > MAX_NEW_INTERESTS:
            raise ValidationError(
                ngettext(
                    "Please suggest at most %(max)d new interest at a time.",
                    "Please suggest at most %(max)d new interests at a time.",
                    MAX_NEW_INTERESTS,
                ),
                params={"max": MAX_NEW_INTERESTS},
            )
        for name in names:
            if not MIN_INTEREST_LENGTH <= len(name) <= MAX_INTEREST_LENGTH:
                raise ValidationError(
                    _(
                        "Each interest needs %(min)d to %(max)d characters: "
                        "“%(name)s” does not fit."
                    ),
                    params={"min": MIN_INTEREST_LENGTH, "max": MAX_INTEREST_LENGTH, "name": name},
                )
            if not INTEREST_PATTERN.match(name):
                raise ValidationError(
                    _("“%(name)s” is not an interest we can add: please use words, not symbols."),
                    params={"name": name},
                )
        return names

    def clean(self):
        cleaned = super().clean()
        chosen = [self.vocabulary[int(pk)] for pk in cleaned.get("interests") or []]
        chosen_names = {tag.name.lower() for tag in chosen}
        new_names = [n for n in cleaned.get("new_interests") or [] if n not in chosen_names]
        if len(chosen) + len(new_names) > MAX_INTERESTS:
            self.add_error(
                "interests",
                ValidationError(
                    _("Please choose at most %(max)s interests."), params={"max": MAX_INTERESTS}
                ),
            )
        # New site-wide tags: a few a day per member (members.throttle), whatever the form.
        creating = [n for n in new_names if not Tag.objects.filter(name__iexact=n).exists()]
        if creating and len(creating) > throttle.new_interests_left(self.instance.user):
            self.add_error(
                "new_interests",
                ValidationError(
                    _(
                        "You have suggested many new interests today. Please choose from "
                        "the list, or suggest more tomorrow."
                    )
                ),
            )
        cleaned["interest_tags"] = chosen
        cleaned["interest_new_names"] = new_names
        return cleaned

    def _save_interests(self, profile):
        """Set the chosen interests; a suggested name that matches an existing tag (in any
        case) is that tag, only the others become new tags."""
        tags = list(self.cleaned_data.get("interest_tags", []))
        created = 0
        for name in self.cleaned_data.get("interest_new_names", []):
            tag = Tag.objects.filter(name__iexact=name).first()
            if tag is None:
                tag = Tag.objects.create(name=name)
                created += 1
            if tag not in tags:
                tags.append(tag)
        profile.interests.set(tags)
        throttle.spend_new_interests(profile.user, created)

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
            self._save_interests(profile)
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
