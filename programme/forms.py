from django import forms
from django.utils.translation import gettext_lazy as _

from members.choices import CareerStage, LibrarySector
from members.forms import country_choices, time_zone_choices

from .models import MatchPreference

MAX_INTERESTS = 12


class ApplicationForm(forms.Form):
    """A member's application to a round: the profile fields the matching reads, confirmed
    or updated, and the round's own questions."""

    country = forms.ChoiceField(label=_("Country"), choices=lambda: country_choices("---------"))
    sector = forms.ChoiceField(label=_("Library sector"), choices=LibrarySector.choices)
    role = forms.CharField(label=_("Role"), max_length=100)
    career_stage = forms.ChoiceField(label=_("Career stage"), choices=CareerStage.choices)
    interests = forms.CharField(
        label=_("Interests"),
        max_length=600,
        help_text=_("Separate interests with commas, for example: outreach, cataloguing."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    motivation = forms.CharField(
        label=_("Why do you want to take part?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    match_preference = forms.ChoiceField(
        label=_("Who would you like to be matched with?"),
        choices=MatchPreference.choices,
        widget=forms.RadioSelect,
    )
    hours_per_week = forms.IntegerField(
        label=_("Hours available a week"), min_value=1, max_value=20, initial=2
    )
    english_confirmed = forms.BooleanField(
        label=_("I can correspond with my partner in English."),
        required=True,
        error_messages={"required": _("Partnerships are conducted in English.")},
    )
    code_of_conduct_accepted = forms.BooleanField(
        label=_("I have read and accept the code of conduct."),
        required=True,
        error_messages={"required": _("Please accept the code of conduct to apply.")},
    )

    def clean_interests(self):
        names = []
        for raw in self.cleaned_data["interests"].split(","):
            name = " ".join(raw.split()).lower()[:50]
            if name and name not in names:
                names.append(name)
        if not names:
            raise forms.ValidationError(_("Name at least one interest."))
        if len(names) > MAX_INTERESTS:
            raise forms.ValidationError(
                _("At most %(count)s interests, please.") % {"count": MAX_INTERESTS}
            )
        return names


# The partnership: "My partner has not replied", check-ins and feedback ----------------------


class NoReplyForm(forms.Form):
    """ "My partner has not replied" on the partnership page: which of the member's
    partnerships (checked in the view), and an optional note for the coordinators."""

    membership = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("A note for the coordinators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, when and how you wrote to your partner."),
    )


class CheckInConfirmForm(forms.Form):
    """The one button that confirms a check-in answer from an e-mail link; with an optional
    note when the answer is "My partner has not replied"."""

    note = forms.CharField(
        label=_("A note for the coordinators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, with_note=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_note:
            del self.fields["note"]


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class FeedbackForm(forms.Form):
    """End-of-round feedback, reached through a signed link; sending it again updates it."""

    rating = forms.TypedChoiceField(
        label=_("Overall, how was your partnership?"),
        choices=[
            (5, _("5 – excellent")),
            (4, _("4 – good")),
            (3, _("3 – all right")),
            (2, _("2 – disappointing")),
            (1, _("1 – poor")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_take_part_again = forms.TypedChoiceField(
        label=_("Would you take part again?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    what_worked = forms.CharField(
        label=_("What worked well?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    comments = forms.CharField(
        label=_("Anything else you would like to tell us?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    @classmethod
    def initial_from(cls, feedback):
        if feedback is None:
            return {}
        return {
            "rating": feedback.rating,
            "would_take_part_again": "yes" if feedback.would_take_part_again else "no",
            "what_worked": feedback.what_worked,
            "comments": feedback.comments,
        }
