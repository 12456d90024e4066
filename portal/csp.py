"""The Content-Security-Policy of every response (django-csp 4).

One static policy for the public site, no nonces: pages are kept in a shared page cache
(core.page_cache), so a response must be the same for everybody, and a nonce in a cached
page would be a nonce every visitor knows. Scripts and styles come from our own static
files only (no inline `<script>` or `style="…"` in templates).

The Wagtail admin (everything under /admin/, where only editors are) relaxes exactly what
Wagtail 7 needs, each checked in a real browser (tests/browser/test_csp.py):
- style-src 'unsafe-inline': the admin's templates and its JavaScript widgets write
  `style="…"` attributes (icons, the page editor's minimap and panels, choosers, progress
  bars). Scripts stay 'self' only: no inline or evaluated script.
- img-src data: blob:: the image uploader previews a chosen file (blob:) and Wagtail's
  icons and the rich-text editor use data: URIs.
- frame-ancestors 'self': the page editor shows the preview of the page in an iframe of
  the admin (/admin/pages/<id>/edit/preview/); nothing outside the site may frame it.
  Wagtail renders a preview by sending a request for the page's own (public) URL through
  the middleware, marked `is_preview`: that response keeps the public policy but may be
  framed by the admin.
"""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"

# Video embeds editors may place on pages (core.blocks.EmbedWithCaptionBlock).
EMBED_FRAMES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]

PUBLIC_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [SELF, *EMBED_FRAMES],
    "object-src": [NONE],
    "base-uri": [NONE],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}

# What the admin adds to the site's policy (see above).
ADMIN_RELAXATIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:", "blob:"],
}


def with_media_origins(directives, origins):
    """The policy with images and media also from `origins` (media files in a bucket or on
    a CDN: production settings), or unchanged when there are none."""
    if not origins:
        return directives
    return {
        **directives,
        "img-src": [*directives["img-src"], *origins],
        "media-src": [*directives["media-src"], *origins],
    }


def admin_directives(directives):
    relaxed = {
        name: [*values, *ADMIN_RELAXATIONS.get(name, [])] for name, values in directives.items()
    }
    relaxed["frame-ancestors"] = [SELF]
    return relaxed


def preview_directives(directives):
    """A page's preview in the admin's preview panel: the public policy, framed by the
    admin."""
    return {**directives, "frame-ancestors": [SELF]}


ADMIN_DIRECTIVES = admin_directives(PUBLIC_DIRECTIVES)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under ADMIN_PREFIX and never a
    nonce (the policy is static)."""

    def __init__(self, get_response):
        super().__init__(get_response)
        site = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        self.admin = admin_directives(site)
        self.preview = preview_directives(site)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        parts.nonce = None
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.config = self.admin
        elif getattr(request, "is_preview", False):
            parts.config = self.preview
        return parts
