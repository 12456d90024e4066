"""Read-only Wagtail API v2: public, live pages only (Wagtail's PagesAPIViewSet already
filters to live, public pages), with ?search= support."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
