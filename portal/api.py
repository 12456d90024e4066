"""Read-only Wagtail API v2 at /api/v2/: live, public pages only, with ?search= support.

Wagtail's PagesAPIViewSet hides pages whose view restriction the *request* fails, so a
logged-in member or editor would see login-restricted pages; the API promises public
content only, whoever asks."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
