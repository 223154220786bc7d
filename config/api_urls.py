"""Routes under /api/ (the public contract of design.md)."""

from django.urls import path, re_path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from config.api.views import api_not_found
from jobs import api as jobs_api
from quotes import api as quotes_api
from quotes import statements_api
from sources import api as sources_api

ROOT_LINKS = (
    "quote-list",
    "claim-list",
    "statement-list",
    "speaker-list",
    "outlet-list",
    "article-list",
    "extract",
    "docs",
    "schema",
)


@extend_schema(
    summary="Links to every collection, the docs and the schema", responses=OpenApiTypes.OBJECT
)
@api_view(["GET"])
def api_root(request: Request) -> Response:
    return Response({name: reverse(name, request=request) for name in ROOT_LINKS})


urlpatterns = [
    path("", api_root, name="api-root"),
    path("quotes/", quotes_api.QuoteListView.as_view(), name="quote-list"),
    path("quotes/export.csv", quotes_api.QuoteCSVExportView.as_view(), name="quote-export-csv"),
    path(
        "quotes/export.jsonl",
        quotes_api.QuoteJSONLExportView.as_view(),
        name="quote-export-jsonl",
    ),
    path("quotes/<int:pk>/", quotes_api.QuoteDetailView.as_view(), name="quote-detail"),
    # Claims in reported speech, and quotes and claims together (quotes/statements_api.py).
    path("claims/", statements_api.ClaimListView.as_view(), name="claim-list"),
    path("claims/export.csv", statements_api.ClaimCSVExportView.as_view(), name="claim-export-csv"),
    path(
        "claims/export.jsonl",
        statements_api.ClaimJSONLExportView.as_view(),
        name="claim-export-jsonl",
    ),
    path("claims/<int:pk>/", statements_api.ClaimDetailView.as_view(), name="claim-detail"),
    path("statements/", statements_api.StatementListView.as_view(), name="statement-list"),
    path(
        "statements/export.csv",
        statements_api.StatementCSVExportView.as_view(),
        name="statement-export-csv",
    ),
    path(
        "statements/export.jsonl",
        statements_api.StatementJSONLExportView.as_view(),
        name="statement-export-jsonl",
    ),
    path(
        "statements/<int:pk>/",
        statements_api.StatementDetailView.as_view(),
        name="statement-detail",
    ),
    path("speakers/", quotes_api.SpeakerListView.as_view(), name="speaker-list"),
    path("speakers/<int:pk>/", quotes_api.SpeakerDetailView.as_view(), name="speaker-detail"),
    path("outlets/", sources_api.OutletListView.as_view(), name="outlet-list"),
    path("outlets/<int:pk>/", sources_api.OutletDetailView.as_view(), name="outlet-detail"),
    path("articles/", quotes_api.ArticleListView.as_view(), name="article-list"),
    path("articles/batch/", jobs_api.ArticleBatchView.as_view(), name="article-batch"),
    path("jobs/<uuid:job_id>/", jobs_api.JobDetailView.as_view(), name="job-detail"),
    path("articles/<int:pk>/", quotes_api.ArticleDetailView.as_view(), name="article-detail"),
    path("extract/", quotes_api.ExtractView.as_view(), name="extract"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    # JSON 404s under /api/; paths without a trailing slash still get APPEND_SLASH's redirect.
    re_path(r"^(?:.*/)?$", api_not_found),
]
