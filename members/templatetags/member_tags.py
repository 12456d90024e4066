"""Template tags of the members app: why a page needs a log-in, friendly time zone names."""

from django import template
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction, Site

from .. import adapters, time_zones

register = template.Library()

# (namespace, url name or None for any) -> why logging in is needed there. Matched as
# strings: the members app may not import the apps above it (programme).
LOGIN_REASONS = [
    (("members", "directory"), "directory"),
    (("members", "profile"), "profile"),
    (("members", "contact"), "contact"),
    (("members", "reply"), "contact"),
    (("members", None), "own"),
    (("programme", "apply"), "apply"),
    (("programme", None), "partnership"),
]


def _reason_texts():
    return {
        "directory": _(
            "The members directory is for members of the network only, to protect the "
            "personal details of the librarians in it. Please log in to see it."
        ),
        "profile": _(
            "Member profiles are shown to members of the network only. Please log in to "
            "see this one."
        ),
        "contact": _("Please log in to write to another member or to answer a message."),
        "own": _("Please log in to see your profile and your account."),
        "apply": _(
            "Applying to a round needs an account: your application starts from your member "
            "profile. Please log in, or sign up first."
        ),
        "partnership": _(
            "This page is for the members of a partnership only. Please log in to see it."
        ),
        "other": _("The page you asked for is for members of the network. Please log in."),
    }


@register.simple_tag(takes_context=True)
def login_reason(context):
    """Why the visitor was sent to the log-in page: a sentence when `next` (from the query
    string) is a page of this site, '' otherwise."""
    request = context.get("request")
    if request is None:
        return ""
    target = request.GET.get("next", "")
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    path = target.split("?", 1)[0].split("#", 1)[0]
    try:
        match = resolve(path)
    except Resolver404:
        return ""
    if match.namespace == "account" or match.url_name and match.url_name.startswith("account_"):
        return ""
    if match.url_name == "wagtail_serve" and not _is_restricted_page(request, match):
        return ""
    key = "other"
    for (namespace, url_name), reason in LOGIN_REASONS:
        if match.namespace == namespace and url_name in (None, match.url_name):
            key = reason
            break
    return _reason_texts()[key]


def _is_restricted_page(request, match):
    """Whether the Wagtail page at the resolved path needs a log-in (a view restriction to
    logged-in users or to groups). Routed from the site's root rather than through
    Page.find_for_request, which would cache the route on this request."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    components = [part for part in path.split("/") if part]
    try:
        page = site.root_page.localized.specific.route(request, components).page
    except (Http404, ValueError, AttributeError):
        return False
    return any(
        restriction.restriction_type != PageViewRestriction.PASSWORD
        for restriction in page.get_view_restrictions()
    )


@register.filter
def time_zone_label(name):
    """'Africa/Nairobi' -> 'Nairobi (East Africa Time, UTC+03:00)'; unknown names unchanged."""
    return time_zones.label(name) if name else ""


@register.simple_tag
def member_display(user):
    """A member's name for pages and messages: the profile's name, else the e-mail address
    (shown to the member themselves), never the generated username."""
    return adapters.user_display(user)
