from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from core import localization

from .models import PartnerStoryPage


class StoryFeed(Feed):
    title = _("ILN Portal: partner stories")
    description = _("Stories from partnerships of the network.")

    def link(self):
        """The section in the feed's language (/fr/stories/ for /fr/stories/feed/)."""
        return localization.path_in("/stories/", localization.active_language())

    def items(self):
        return PartnerStoryPage.objects.live().public().order_by("-first_published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.pull_quote

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at
