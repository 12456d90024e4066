"""What the programme commands share: finding the round named on the command line."""

from django.core.management.base import CommandError

from programme.models import Round


def get_round(slug):
    round_ = Round.objects.filter(slug=slug).first()
    if round_ is None:
        raise CommandError(f"No round with the slug {slug!r}.")
    return round_
