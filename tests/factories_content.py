"""Representative content for tests: each page type filled the way editors fill it, the
French of a translated guidance section, and a member's partner story form."""

import datetime
from types import SimpleNamespace

from wagtail.models import Page, Site

from countries.factories import CountryIndexPageFactory, CountryProfilePageFactory
from demo.site import stream_from_spec
from home.factories import GuidanceIndexPageFactory, GuidancePageFactory, HomePageFactory
from stories.factories import PartnerStoryPageFactory, StoryIndexPageFactory, StoryPartnerFactory
from topics.factories import (
    DiscussionArchivePageFactory,
    DiscussionPageFactory,
    DiscussionPostFactory,
    TopicIndexPageFactory,
    TopicPageFactory,
)


def make_home():
    """The portal's home page as the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    for welcome in root.get_children():
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
    home = HomePageFactory(parent=root)
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="ILN Portal"
    )
    return home


def make_site_tree(home=None):
    """The home page and one of each section index, as load_demo lays them out."""
    home = home or make_home()
    return SimpleNamespace(
        home=home,
        topics=TopicIndexPageFactory(parent=home),
        discussions=DiscussionArchivePageFactory(parent=home),
        countries=CountryIndexPageFactory(parent=home),
        stories=StoryIndexPageFactory(parent=home),
        guidance=GuidanceIndexPageFactory(parent=home),
    )


RICH_BODY = [
    ("heading", "Before you write"),
    ("paragraph", "Read the topic <strong>together</strong> with your partner."),
    ("callout", ("Tip", "Agree on a day of the week for your messages.")),
    ("quote", ("We learned more from the questions than the answers.", "A 2015 partner")),
    ("faq", [("How long should a message be?", "As long as it needs to be.")]),
]
COUNTRIES = ["NZ", "GH", "KE", "BR", "IN", "FI", "JO", "MX", "PH", "HR"]


def make_topic(index, n=0, tags=("makerspaces", "advocacy", "reading promotion")):
    topic = TopicPageFactory(
        parent=index,
        title=f"Makerspaces on a shoestring {n}",
        date=datetime.date(2014, 1, 6) + datetime.timedelta(days=14 * n),
        body=stream_from_spec(RICH_BODY),
        prompts=[("prompt", "What would you build first?"), ("prompt", "Who would use it?")],
    )
    topic.tags.add(*tags)
    topic.save()
    return topic


def make_discussion(archive, n=0, posts=3, topic=None):
    discussion = DiscussionPageFactory(
        parent=archive,
        title=f"Chat about floods and libraries {n}",
        archive_id=f"iln-test-{n}",
        date=datetime.date(2015, 3, 1) + datetime.timedelta(days=n),
        topic=topic,
    )
    for i in range(posts):
        DiscussionPostFactory(
            page=discussion, country=COUNTRIES[i % len(COUNTRIES)], text=f"Post {i} on floods."
        )
    discussion.tags.add("disaster response", "community outreach")
    discussion.save()
    return discussion


def make_country(index, code="NZ"):
    return CountryProfilePageFactory(parent=index, country=code, slug=code.lower())


def make_story(index, n=0, partners=(("Aroha T.", "NZ"), ("Kwame A.", "GH"))):
    story = PartnerStoryPageFactory(
        parent=index, title=f"Two reading rooms {n}", body=stream_from_spec(RICH_BODY)
    )
    for name, country in partners:
        StoryPartnerFactory(page=story, name=name, country=country)
    story.tags.add("reading promotion")
    story.save()
    return story


def make_guidance(index, n=0):
    return GuidancePageFactory(
        parent=index, title=f"Being a good partner {n}", body=stream_from_spec(RICH_BODY)
    )


# French for the `guidance` fixture's page and its section (tests/conftest.py).
FRENCH_HOME = {"ILN Portal": "Portail ILN"}
FRENCH_INDEX = {"Guidance": "Guide"}
FRENCH_GUIDANCE = {
    "Being a good partner": "Être un bon partenaire",
    "Keep a rhythm.": "Gardez le rythme.",
    "Keep a rhythm": "Garder le rythme",
    "Write every week.": "Écrivez chaque semaine.",
    'Read the <a id="a1">code of conduct</a>.': 'Lisez le <a id="a1">code de conduite</a>.',
}

STORY_TEXT = (
    "We met every fortnight for four months.\n\n"
    "Our libraries swapped <b>reading-club</b> plans and <script>alert(1)</script> ideas. " * 3
)


def story_form_data(**overrides):
    """What a member types into the partner story form."""
    data = {
        "title": "Two reading rooms",
        "partner_name": "Kwame Asante",
        "partner_country": "GH",
        "partner_institution": "Accra Community Library",
        "round_label": "Round 2",
        "year": "2015",
        "text": STORY_TEXT,
    }
    data.update(overrides)
    return data
