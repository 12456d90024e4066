from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemaps import TranslatedSitemap
from stories.feeds import StoryFeed
from topics.feeds import TopicFeed

from .api import api_router

# The database unreachable: the 503 page, wherever in the request the error came from.
handler500 = "core.unavailable.server_error"

# Not translated: admin, API, sitemap, robots, documents.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: English at the root, other locales under /fr/, /es/, /ar/.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("members/", include("stories.urls")),
    path("programme/", include("programme.urls")),
    path("topics/feed/", TopicFeed(), name="topic-feed"),
    path("stories/feed/", StoryFeed(), name="story-feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
