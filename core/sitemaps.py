"""The sitemap with every locale's tree: Wagtail's own lists only the site root's (English)
tree. Each URL carries hreflang alternates for its live translations, plus x-default."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .localization import default_language


def with_x_default(alternates):
    """The hreflang alternates plus x-default (the source language's URL); none for a page
    that exists in one language only."""
    if len(alternates) < 2:
        return []
    source = next((a for a in alternates if a["lang_code"] == default_language()), alternates[0])
    return [*alternates, {"lang_code": "x-default", "location": source["location"]}]


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for tree_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Q(path__startswith=tree_root.path)
        return (
            Page.objects.filter(trees, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        entries = []
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))
                versions[item.translation_key].append(
                    {"lang_code": item.locale.language_code, "location": url_info["location"]}
                )
        urls = []
        for item, url_info in entries:
            urls.append({**url_info, "alternates": with_x_default(versions[item.translation_key])})
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
