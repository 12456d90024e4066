from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from core import localization

from .models import TopicPage


class TopicFeed(Feed):
    title = _("ILN Portal: discussion topics")
    description = _("A new discussion topic every fortnight of a round.")

    def link(self):
        """The section in the feed's language (/fr/topics/ for /fr/topics/feed/)."""
        return localization.path_in("/topics/", localization.active_language())

    def items(self):
        return TopicPage.objects.live().public().order_by("-date")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at
