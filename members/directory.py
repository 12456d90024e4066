"""The members directory as a plain query: filters in, profiles out (no request needed)."""

from django.db.models import Q

from .models import MemberProfile

PAGE_SIZE = 24


def directory_profiles(filters):
    """Listed profiles matching `filters` (cleaned values from DirectoryFilterForm), ready
    to render: interests and photo renditions prefetched, so a page costs the same number
    of queries whatever the size of the directory."""
    profiles = MemberProfile.objects.listed()
    if query := filters.get("q"):
        profiles = profiles.filter(
            Q(display_name__icontains=query) | Q(institution__icontains=query)
        )
    for field in ("country", "sector", "career_stage"):
        if value := filters.get(field):
            profiles = profiles.filter(**{field: value})
    if interest := filters.get("interest"):
        profiles = profiles.filter(interests__slug=interest)
    return profiles.for_listing().order_by("display_name", "pk")
