"""The portal's URLs plus a few views that answer in ways the page cache must not share
(tests/core/test_page_cache.py)."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.vary import vary_on_headers

from portal.urls import urlpatterns as portal_urlpatterns


def sets_a_cookie(request):
    response = HttpResponse("<p>chosen</p>")
    response.set_cookie("django_language", "fr")
    return response


def private(request):
    response = HttpResponse("<p>yours</p>")
    response["Cache-Control"] = "private"
    return response


def no_store(request):
    response = HttpResponse("<p>yours</p>")
    response["Cache-Control"] = "no-store"
    return response


@vary_on_headers("Accept")
def negotiated(request):
    return HttpResponse(request.headers.get("Accept", ""))


counter = {"n": 0}


def plain(request):
    counter["n"] += 1
    return HttpResponse(f"<p>render {counter['n']}</p>")


urlpatterns = [
    path("t/cookie/", sets_a_cookie),
    path("t/private/", private),
    path("t/no-store/", no_store),
    path("t/never/", never_cache(plain)),
    path("t/negotiated/", negotiated),
    path("t/plain/", plain),
    *portal_urlpatterns,
]
