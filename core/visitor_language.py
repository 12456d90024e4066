"""The visitor's language for the links of a response: see core.localization."""

from django.utils.translation import get_language_from_path

from . import localization


class VisitorLanguageMiddleware:
    """While a request under /fr/, /es/ or /ar/ is answered, English pages' URLs carry that
    prefix, so that every link of the page keeps the visitor's language. Only the path
    counts: the admin, the API and the sitemap (no prefix) give pages their own URLs,
    whatever language the admin's user reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with localization.urls_in(get_language_from_path(request.path_info)):
            return self.get_response(request)
