"""The pages a reviewer looks at, on the demo site: shared by the accessibility checks
(test_accessibility.py) and `make screenshots` (test_screenshots.py).

Each page is visited in English and in Arabic (right to left), logged in as the demo member
where the page is for members. The Arabic address is the page's own translation where one
exists, otherwise the English path under /ar/ (the localized frame around English content).
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django.utils.module_loading import import_string

LANGUAGES = ("en", "ar")
WIDTHS = {"desktop": 1280, "phone": 375}
DEMO_MEMBER_EMAIL = "member@iln.example.org"


@dataclass(frozen=True)
class TourPage:
    name: str
    path: str  # the English address
    ar_path: str
    members_only: bool = False


def load_demo_site():
    """The demo content (about 10 s), committed for the live server to see."""
    call_command("load_demo", stdout=io.StringIO())


def _ar_path(page):
    from wagtail.models import Locale

    translation = page.get_translation_or_none(Locale.objects.get(language_code="ar"))
    if translation is not None and translation.live:
        return translation.url
    return "/ar" + page.url


def tour_pages():
    """The pages of the tour on the loaded demo site, in a fixed order."""
    from countries.models import CountryProfilePage
    from home.models import GuidancePage, HomePage
    from members.models import MemberProfile
    from stories.models import PartnerStoryPage
    from topics.models import TopicPage

    def first(model, *order, **filters):
        pages = model.objects.live().public().filter(locale__language_code="en", **filters)
        return pages.order_by(*order).first() if order else pages.first()

    home = first(HomePage)
    topic = first(TopicPage, "-date")  # the current round's
    story = first(PartnerStoryPage, "-year", "-first_published_at")
    country = first(CountryProfilePage, country="KE") or first(CountryProfilePage)
    # A guidance page that has an Arabic translation shows the translated content.
    guidance = first(GuidancePage)
    for candidate in GuidancePage.objects.live().public().filter(locale__language_code="en"):
        if _ar_path(candidate) != "/ar" + candidate.url:
            guidance = candidate
            break
    other = MemberProfile.objects.exclude(user__email=DEMO_MEMBER_EMAIL).order_by("pk").first()
    pages = [
        TourPage("home", home.url, _ar_path(home)),
        TourPage("topic", topic.url, _ar_path(topic)),
        TourPage("story", story.url, _ar_path(story)),
        TourPage("country", country.url, _ar_path(country)),
        TourPage("guidance", guidance.url, _ar_path(guidance)),
        TourPage("search", "/search/?q=library", "/ar/search/?q=library"),
        TourPage("directory", "/members/", "/ar/members/", members_only=True),
        TourPage(
            "profile",
            other.get_absolute_url(),
            "/ar" + other.get_absolute_url(),
            members_only=True,
        ),
    ]
    return pages


def session_cookie_for(user, live_server_url):
    """A logged-in session for `user` as a browser cookie (no password needed)."""
    engine = import_string(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": session.session_key,
        "url": live_server_url,
    }


def demo_member():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email=DEMO_MEMBER_EMAIL)


def url_of(tour_page, language):
    return tour_page.ar_path if language == "ar" else tour_page.path
