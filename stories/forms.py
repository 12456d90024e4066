from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.forms import PhotoField, country_choices


class StorySubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    partner_name = forms.CharField(
        label=_("Your partner's name"),
        max_length=200,
        help_text=_("Shown publicly with the story: ask your partner first."),
    )
    partner_country = forms.ChoiceField(
        label=_("Your partner's country"), choices=lambda: country_choices("---------")
    )
    partner_institution = forms.CharField(
        label=_("Your partner's institution"), max_length=200, required=False
    )
    round_label = forms.CharField(
        label=_("Round"),
        max_length=100,
        required=False,
        help_text=_("For example: Round 2"),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1990)
    text = forms.CharField(
        label=_("Your story"),
        min_length=100,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Plain text; leave an empty line between paragraphs."),
    )
    photo = PhotoField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB. Location and camera data are removed."),
    )
    photo_alt_text = forms.CharField(
        label=_("Photo description"),
        max_length=200,
        required=False,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.now().year:
            raise ValidationError(_("The year cannot be in the future."))
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt_text"):
            self.add_error("photo_alt_text", _("Please describe the photo."))
        return cleaned
