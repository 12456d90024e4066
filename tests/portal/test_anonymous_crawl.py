"""An anonymous crawl of every public URL over the demo site (issue #13): pages in every
language, feeds, the sitemap, API listings with fields=* and search=, search and
autocomplete. Demo-like data: most demo members are members-only, several have photos,
stories name members-only partners, and there are login- and password-restricted pages
that public pages link to (home picks, related topics, a discussion's topic).

Nothing of a member an anonymous visitor may not see (name, e-mail, institution, photo
URL) and no restricted page's title may appear anywhere; no URL may answer 500."""

import re
import time
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage, HomePageFeatured
from members.factories import add_photo
from members.models import MemberProfile
from stories.models import StoryPartner
from topics.models import DiscussionPage, TopicPage, TopicRelatedTopic

pytestmark = [pytest.mark.slow]

RESTRICTED_TITLES = ["Coordinators' private notes", "Steering group minutes"]
LANGUAGES = ["fr", "es", "ar"]


@pytest.fixture(scope="module")
def crawl_site(demo, module_data):
    """The demo plus photos on members of both visibilities, two restricted topics that
    public pages link to, and what must not leak."""

    def build():
        profiles = list(MemberProfile.objects.select_related("user").order_by("pk"))
        for profile in profiles[:12]:
            add_photo(profile)
        topics = list(TopicPage.objects.live().filter(locale__language_code="en")[:4])
        restricted = []
        for title, topic, kind in zip(
            RESTRICTED_TITLES,
            topics[:2],
            (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD),
            strict=True,
        ):
            topic.title = title
            topic.save_revision().publish()
            PageViewRestriction.objects.create(
                page=topic, restriction_type=kind, password="sesame" if kind == "password" else ""
            )
            restricted.append(topic)
        # Public pages link to them: related topics, a discussion's topic, the home picks.
        for public in topics[2:]:
            for secret in restricted:
                TopicRelatedTopic.objects.create(page=public, related_topic=secret)
        for discussion, secret in zip(DiscussionPage.objects.live()[:2], restricted, strict=True):
            discussion.topic = secret
            discussion.save_revision().publish()
        home = HomePage.objects.get(locale__language_code="en")
        for order, page in enumerate([*restricted, *topics[2:]]):
            HomePageFeatured.objects.create(home=home, page=page, sort_order=order)

        hidden = [
            profile
            for profile in MemberProfile.objects.select_related("user")
            if not profile.is_public or not profile.is_complete or not profile.user.is_active
        ]
        public = [profile for profile in profiles if profile not in hidden]
        named = {
            partner.name
            for partner in StoryPartner.objects.select_related("member__story_naming")
            if partner.shows_name_to(None)
        }
        forbidden = {}
        for profile in hidden:
            if profile.display_name and profile.display_name not in named:
                forbidden[profile.display_name] = f"name of member {profile.pk}"
            forbidden[profile.user.email] = f"e-mail of member {profile.pk}"
            if len(profile.institution) > 3 and not any(
                p.institution == profile.institution for p in public
            ):
                forbidden[profile.institution] = f"institution of member {profile.pk}"
            forbidden[f"/members/{profile.pk}/photo/"] = f"photo URL of member {profile.pk}"
        for profile in public:
            forbidden[profile.user.email] = f"e-mail of public member {profile.pk}"
        for topic in restricted:
            forbidden[topic.title] = f"restricted page {topic.pk}"
            forbidden[topic.url] = f"restricted page URL {topic.pk}"
        return {
            "forbidden": forbidden,
            "public_photo_owners": [p for p in public if p.photo],
            "hidden_names": [p.display_name for p in hidden if p.display_name][:6],
        }

    return module_data(build)


def public_urls():
    urls, prefixed_types = set(), set()
    for page in Page.objects.live().public().specific().order_by("path").iterator():
        url = page.url
        if not url:
            continue
        urls.add(url)
        # English pages are served under every language prefix too (in the visitor's
        # frame): the home page, the sections and the first two pages of each type.
        seen = sum(1 for kind in prefixed_types if kind[0] is type(page))
        if not re.match(r"^/(fr|es|ar)/", url) and (page.depth <= 3 or seen < 2):
            prefixed_types.add((type(page), page.pk))
            urls.update(f"/{language}{url}" for language in LANGUAGES)
    for prefix in ["", *(f"/{language}" for language in LANGUAGES)]:
        urls.update(
            f"{prefix}{path}"
            for path in (
                "/topics/feed/",
                "/stories/feed/",
                "/programme/",
                "/programme/figures/",
                "/search/?q=library",
                "/search/?q=partner",
            )
        )
    urls.update(
        [
            "/sitemap.xml",
            "/robots.txt",
            "/programme/figures.csv",
            "/programme/figures.json",
            "/search/autocomplete/?q=li",
            "/search/autocomplete/?q=part",
            "/api/v2/pages/?fields=*&limit=50",
            "/api/v2/pages/?search=library&fields=*",
        ]
    )
    return urls


def api_listing_pages(client):
    """Every page of the API's listing with fields=* (50 at a time)."""
    urls, offset = [], 0
    while True:
        url = f"/api/v2/pages/?fields=*&limit=50&offset={offset}"
        data = client.get(url).json()
        urls.append(url)
        offset += 50
        if offset >= data["meta"]["total_count"]:
            return urls


@pytest.mark.django_db
def test_an_anonymous_crawl_finds_nothing_private(crawl_site):
    client = Client()
    forbidden = crawl_site["forbidden"]
    assert any(why.startswith("name of member") for why in forbidden.values())
    assert any(why.startswith("photo URL") for why in forbidden.values())
    urls = public_urls() | set(api_listing_pages(client))
    # Searching for members-only members' names finds nothing of them either.
    for name in crawl_site["hidden_names"]:
        first = quote(name.split()[0])
        urls.update(
            [
                f"/search/?q={quote(name)}",
                f"/search/autocomplete/?q={first}",
                f"/api/v2/pages/?search={quote(name)}&fields=*",
            ]
        )
    leaks, errors = [], []
    started = time.monotonic()
    with translation.override("en"):
        for url in sorted(urls):
            # What the visitor typed is shown back to them (the search box): not a leak.
            typed = [value for _key, value in parse_qsl(urlsplit(url).query)]
            response = client.get(url, follow=True)
            if response.status_code >= 500:
                errors.append((url, response.status_code))
                continue
            if response.status_code != 200:
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", errors="replace")
            leaks.extend(
                (url, why)
                for needle, why in forbidden.items()
                if needle in text and not any(needle in value for value in typed)
            )
    print(f"crawled {len(urls)} URLs in {time.monotonic() - started:.1f} s")
    assert errors == []
    assert leaks == [], leaks[:20]
    assert len(urls) > 150  # the crawl covered the site, not a handful of pages


@pytest.mark.django_db
def test_public_members_photos_load_and_others_do_not(crawl_site):
    client = Client()
    owners = crawl_site["public_photo_owners"]
    for profile in owners:
        assert client.get(profile.photo_urls["large"]).status_code == 200
    for profile in MemberProfile.objects.exclude(photo="").select_related("user"):
        if profile not in owners:
            assert client.get(profile.photo_urls["large"]).status_code == 404
