"""Cache-Control for personal pages (issue #13, finding 10).

A response to a logged-in member (or editor) shows who they are, and the members' pages,
the account pages and the programme pages that belong to one member show personal data:
no shared cache (a proxy, a CDN, the page cache) may keep them, and the browser may not
write them to disk. Such responses get `Cache-Control: private, no-store`.

Anonymous requests to public pages are left alone (they are what the page cache serves),
and are recognised without loading a session: only a request that carries a session
cookie is looked at more closely, so public responses do not start to vary on Cookie."""

import re

from django.conf import settings
from django.utils.cache import patch_cache_control

# Paths of personal pages, under any language prefix: the directory and profiles, a
# member's own pages, account pages (log-in, sign-up, password), applying, partnerships,
# and the signed check-in and feedback links from programme e-mail.
PERSONAL_PATHS = (
    "members/",
    "accounts/",
    "programme/apply/",
    "programme/partnership/",
    "programme/check-in/",
    "programme/feedback/",
)


def _personal_path_re():
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    paths = "|".join(re.escape(path) for path in PERSONAL_PATHS)
    return re.compile(rf"^/(?:(?:{languages})/)?(?:{paths})")


class PrivateResponsesMiddleware:
    """After AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.personal_path = _personal_path_re()

    def __call__(self, request):
        response = self.get_response(request)
        # A view that set Cache-Control itself has decided (a member's photo: public for
        # a public profile, private otherwise; never_cache views).
        if "Cache-Control" not in response and self.is_personal(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def is_personal(self, request):
        if self.personal_path.match(request.path_info):
            return True
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)
