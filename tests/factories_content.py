"""Representative content for page tests: each page type filled the way editors fill it."""

import datetime

from countries.factories import CountryProfilePageFactory
from demo.site import stream_from_spec
from home.factories import GuidancePageFactory
from stories.factories import PartnerStoryPageFactory, StoryPartnerFactory
from topics.factories import DiscussionPageFactory, DiscussionPostFactory, TopicPageFactory

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
