"""Per-country figures computed from the data: stories and discussions involving a country.
Plain functions, no request needed; each costs a fixed number of queries."""

from django.db.models import Count


def country_counts(codes):
    """{code: {"stories": n, "discussions": n, "members": n}} for the given country codes,
    in three queries."""
    from topics.models import DiscussionPost

    from .models import MemberProfile, StoryPartner

    counts = {code: {"stories": 0, "discussions": 0, "members": 0} for code in codes}
    if not codes:
        return counts
    member_rows = (
        MemberProfile.objects.listed()
        .filter(country__in=codes)
        .values("country")
        .annotate(n=Count("pk"))
    )
    for row in member_rows:
        counts[row["country"]]["members"] = row["n"]
    story_rows = (
        StoryPartner.objects.filter(country__in=codes, page__live=True)
        .values("country")
        .annotate(n=Count("page_id", distinct=True))
    )
    for row in story_rows:
        counts[row["country"]]["stories"] = row["n"]
    discussion_rows = (
        DiscussionPost.objects.filter(country__in=codes, page__live=True)
        .values("country")
        .annotate(n=Count("page_id", distinct=True))
    )
    for row in discussion_rows:
        counts[row["country"]]["discussions"] = row["n"]
    return counts


def stories_for_country(code):
    from .models import PartnerStoryPage

    return (
        PartnerStoryPage.objects.live()
        .public()
        .filter(partners__country=code)
        .distinct()
        .order_by("-year")
    )


def discussions_for_country(code):
    from topics.models import DiscussionPage

    return (
        DiscussionPage.objects.live()
        .public()
        .filter(posts__country=code)
        .distinct()
        .order_by("-date")
    )


def members_for_country(code):
    """Listed members from a country; only for logged-in members' eyes (see the template)."""
    from .models import MemberProfile

    return MemberProfile.objects.listed().filter(country=code).order_by("display_name", "pk")
