"""load_demo builds the promised content, translations in every state included, and is
idempotent; --scale multiplies it. The demo is loaded once for the module (see the `demo`
fixture): tests read it, or write inside their own savepoint."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Page, Revision

from countries.models import CountryProfilePage
from demo import community_content
from home.models import GuidancePage
from home.translation_status import DRAFT, LIVE, MISSING, OUTDATED, build_report
from stories.models import PartnerStoryPage
from tests.conftest import DEMO_ADMIN_PASSWORD
from topics.models import DiscussionPage, DiscussionPost, TopicPage

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ENGLISH = {"locale__language_code": "en"}


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "locale__language_code")),
        "posts": DiscussionPost.objects.count(),
        "users": get_user_model().objects.count(),
        "tags": Tag.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_load_demo_builds_the_demo_site(demo, client):
    assert f"password '{DEMO_ADMIN_PASSWORD}'" in demo
    assert TopicPage.objects.filter(**ENGLISH).count() >= 12
    assert len({d.year for d in TopicPage.objects.filter(**ENGLISH).dates("date", "year")}) >= 3
    assert DiscussionPage.objects.count() >= 30
    assert DiscussionPost.objects.values("country").distinct().count() >= 10
    assert CountryProfilePage.objects.filter(**ENGLISH).count() >= 20
    assert PartnerStoryPage.objects.count() >= 8
    assert GuidancePage.objects.filter(**ENGLISH).count() >= 5
    assert client.login(username="admin", password=DEMO_ADMIN_PASSWORD)


def test_a_second_run_changes_nothing(demo, capsys):
    capsys.readouterr()
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out


RECENT_STORY_SLUGS = [item["slug"] for item in community_content.RECENT_STORIES]


def test_scale_multiplies_topics_discussions_and_stories(demo):
    def counts():
        # The topics of the rounds on the calendar now (demo.round_calendar) are not scaled.
        on_the_calendar = {"round_topic__round__state__in": ["running", "open"]}
        return (
            TopicPage.objects.filter(**ENGLISH).exclude(**on_the_calendar).count(),
            DiscussionPage.objects.count(),
            # Nor are the stories of the programme's recent rounds (dated from today).
            PartnerStoryPage.objects.exclude(slug__in=RECENT_STORY_SLUGS).count(),
        )

    base = counts()
    call_command("load_demo", scale=2, verbosity=0)
    assert counts() == tuple(2 * n for n in base)


def states_by_slug(report):
    return {row.source.slug: {c.language_code: c.state for c in row.cells} for row in report.rows}


def test_demo_translations_show_every_state(demo):
    by_slug = states_by_slug(build_report())
    assert len(by_slug) >= 5
    assert {slug: (states["fr"], states["es"]) for slug, states in by_slug.items()} == {
        slug: (LIVE, LIVE) for slug in by_slug
    }
    assert {states["ar"] for states in by_slug.values()} == {LIVE, DRAFT, OUTDATED, MISSING}


def test_translated_pages_and_site_texts_are_shown(demo, client):
    french = GuidancePage.objects.get(slug="how-it-works", locale__language_code="fr")
    assert french.title == "Le fonctionnement du programme"
    html = client.get(french.url).content.decode()
    assert "Quatre mois d’égal à égal" in html
    assert "les partenariats eux-mêmes se déroulent en anglais" in html
    # Site texts: French in full, Arabic partly (the call's text is still English).
    assert "Participer à une session" in client.get("/fr/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert "بوابة ILN" in arabic
    assert "شارك في إحدى الدورات" in arabic
    assert "Tell us about your library" in arabic


def test_the_search_page_offers_the_searches_editors_promoted(demo, client):
    response = client.get("/fr/search/")
    assert response.context["popular_searches"][:2] == ["advocacy", "budget"]
    assert 'href="/fr/search/?q=open%20access"' in response.content.decode()


def test_a_second_run_keeps_every_translation_as_it_was(demo):
    before = states_by_slug(build_report())
    call_command("load_demo", verbosity=0)
    assert states_by_slug(build_report()) == before


@pytest.mark.parametrize("section", ["topics", "discussions", "countries", "stories", "guidance"])
def test_the_demo_site_lists_its_pages_in_every_section(demo, client, section):
    home = Page.objects.get(depth=2, locale__language_code="en")
    index = home.get_children().get(slug=section)
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    children = list(index.get_children().live().values_list("title", flat=True))
    assert children
    assert any(escape(title) in html for title in children), section


def test_the_newest_stories_are_from_the_programme_s_recent_rounds(demo):
    """The demo looks alive whenever it is loaded: its newest story was published in the
    last weeks, from the round that is running now."""
    import datetime

    from django.utils import timezone

    newest = PartnerStoryPage.objects.live().order_by("-first_published_at").first()
    age = timezone.now() - newest.first_published_at
    assert age < datetime.timedelta(days=14)
    assert newest.round_label == "Round 3"
