"""The real routes plus a view that fails, for the error-page tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as real_patterns

__all__ = ["handler500", "urlpatterns"]


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug in a view")


urlpatterns = [path("api/boom/", _boom), path("boom/", _boom), *real_patterns]
