from django import template
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from wagtail.models import Page, Site

register = template.Library()


def _home_for(request):
    """The site's home page in the active locale (falls back to the default locale)."""
    cached = getattr(request, "_portal_home", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = site.root_page.localized if site else None
        request._portal_home = cached
    return cached


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_for(context["request"])


@register.simple_tag
def breadcrumbs(page):
    """Ancestors below the tree root (the home page and down), without the page itself."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied (None removes a key)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else "?"


@register.filter(is_safe=True)
def with_site_name(title, site_name):
    """A page's <title>: "Topic | ILN Portal", the site's name alone when the page title is
    empty or already is the site's name (the home page: never "ILN Portal | ILN Portal")."""
    title = " ".join(str(title).split())  # rendered, so escaped already
    site_name = str(conditional_escape(site_name))
    if not title or title == site_name:
        return site_name
    return f"{title} | {site_name}"


ART_VARIANTS = 6


@register.filter
def art_variant(seed):
    """One of the cards' generated illustrations (static/css/site.css, .card__art--N),
    chosen by a page's id so that a card keeps its picture."""
    try:
        return int(seed) % ART_VARIANTS
    except (TypeError, ValueError):
        return 0


@register.filter
def initials(title):
    """Up to two initials for a card's generated illustration: "Stories in our own
    languages" -> "SO" (short words such as "in" are skipped)."""
    words = [word for word in str(title).split() if len(word) > 3 and word[0].isalnum()]
    words = words or str(title).split()
    return "".join(word[0] for word in words[:2]).upper()


@register.simple_tag
def newest_siblings(page, limit=5):
    """The newest other live, public pages beside `page` (a side column's "more topics")."""
    if not isinstance(page, Page) or not page.pk:
        return []
    siblings = page.get_siblings(inclusive=False).live().public().exact_type(page.specific_class)
    return list(siblings.specific().order_by("-first_published_at")[:limit])
