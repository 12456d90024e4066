"""Editors' promoted results for a few common searches: they are also the search page's
"Popular searches" (search.promotions), which only ever lists searches editors approved."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

# (query, the English topic's slug, why it is recommended)
PROMOTIONS = [
    ("flood", "when-disaster-strikes", "Libraries before, during and after a disaster."),
    ("advocacy", "speaking-up-for-your-library", "Telling decision-makers what you do."),
    ("makerspace", "making-and-mending", "Making, mending and lending tools."),
    ("open access", "open-access-and-researchers", "Helping researchers publish openly."),
    ("reading", "reading-for-pleasure", "Reading for pleasure, at every age."),
    ("budget", "collections-on-a-small-budget", "Building collections with little money."),
]


def build_search_promotions(ctx):
    topics = {
        page.slug: page
        for page in Page.objects.filter(
            slug__in=[slug for _query, slug, _text in PROMOTIONS],
            locale__language_code="en",
            depth=4,
        )
    }
    for order, (text, slug, description) in enumerate(PROMOTIONS):
        page = topics.get(slug)
        if page is None:
            continue
        query = Query.get(text)
        if SearchPromotion.objects.filter(query=query, page=page).exists():
            continue
        SearchPromotion.objects.create(
            query=query, page=page, sort_order=order, description=description
        )
        ctx.count("promoted search result")
