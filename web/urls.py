"""The fact-checkers' pages (design.md): public and read-only."""

from django.urls import path

from web import views

app_name = "web"

urlpatterns = [
    path("", views.search, name="search"),
    path("quotes/<int:quote_id>/", views.quote_detail, name="quote"),
    path("speakers/<int:speaker_id>/", views.speaker_detail, name="speaker"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("outlets/<int:outlet_id>/", views.outlet_detail, name="outlet"),
    path("suggest/speakers/", views.speaker_suggestions, name="speaker-suggestions"),
]
