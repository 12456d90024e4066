"""Keep the search index right for pages with child relations (tags, posts, partners).

Wagtail indexes a page from its post_save signal, which modelcluster sends *before* it
writes the page's child relations, so a publish that changes tags or inline posts would
leave the previous ones in the index. `page_published` comes after the whole publish:
index the page again then.

Any change to pages, privacy or tags also ends the cached searches (search.results_cache),
and so does a change to the synonym sets; a change to a member profile makes the search log
read the members' names again (search.searchlog); a change to editors' promoted results
shows the popular searches afresh (search.promotions)."""

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, PageViewRestriction, get_page_models
from wagtail.search import index
from wagtail.signals import page_published

from members.models import MemberProfile
from topics.importer import discussions_imported

from . import promotions, searchlog, synonyms
from .models import SynonymSet
from .results_cache import content_changed


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific_deferred)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
    # Cached searches (search.results_cache) end with any change to what they show.
    for model in [*get_page_models(), PageViewRestriction, Tag, Locale]:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"search-cache-{model}")
    discussions_imported.connect(content_changed, dispatch_uid="search-cache-import")
    # Editors' synonyms apply from the next search; member names are never logged.
    for signal in (post_save, post_delete):
        signal.connect(synonyms.changed, sender=SynonymSet, dispatch_uid="search-synonyms")
        signal.connect(searchlog.names_changed, sender=MemberProfile, dispatch_uid="search-names")
        signal.connect(promotions.changed, sender=SearchPromotion, dispatch_uid="search-popular")
