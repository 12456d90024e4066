"""Keep the search index right for pages with child relations (tags, posts, partners).

Wagtail indexes a page from its post_save signal, which modelcluster sends *before* it
writes the page's child relations, so a publish that changes tags or inline posts would
leave the previous ones in the index. `page_published` comes after the whole publish:
index the page again then."""

from wagtail.search import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific_deferred)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
