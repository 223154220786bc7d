import datetime

import pytest

from quotes.models import QuoteStatus
from quotes.selectors import speaker_stats
from quotes.serializers import SpeakerDetailSerializer
from tests.api.conftest import named_speaker
from tests.factories import (
    ArticleFactory,
    OutletFactory,
    QuoteFactory,
    SentenceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

BODY = "One. Two. “Three,” Wi said. Four. Five. Six. Seven."


def article_with_sentences():
    article = ArticleFactory(body=BODY, authors=["Lee Ji-yoon", "Kim Da-eun"])
    starts = [0, 5, 10, 28, 34, 40, 45]
    ends = [*[s - 1 for s in starts[1:]], len(BODY)]
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        SentenceFactory(article=article, index=index, start=start, end=end)
    return article


def test_quote_detail_has_context_article_speaker_and_curation(api_client):
    article = article_with_sentences()
    speaker = named_speaker(
        "Wi Seong-rak", description="former envoy", affiliation="Ministry of Foreign Affairs"
    )
    quote = QuoteFactory(
        article=article,
        speaker=speaker,
        start=11,
        end=16,
        first_sentence=2,
        last_sentence=2,
        mention="Wi",
        mention_start=19,
        mention_end=21,
        cue="said",
        confidence=0.75,
        status=QuoteStatus.VERIFIED,
    )
    body = api_client.get(f"/api/quotes/{quote.pk}/").json()
    assert body["text"] == "Three"
    context = [s["text"] for s in body["context"]]
    assert context == ["One.", "Two.", "“Three,” Wi said.", "Four.", "Five."]
    assert body["context"][2]["index"] == 2
    assert body["article"]["authors"] == ["Lee Ji-yoon", "Kim Da-eun"]
    assert body["article"]["outlet"]["name"] == article.outlet.name
    assert body["article"]["url"] == article.url
    assert body["speaker"]["name"] == "Wi Seong-rak"
    assert body["speaker"]["description"] == "former envoy"
    assert body["speaker"]["affiliation"] == "Ministry of Foreign Affairs"
    assert (body["mention"], body["mention_start"], body["mention_end"]) == ("Wi", 19, 21)
    assert BODY[body["mention_start"] : body["mention_end"]] == body["mention"]
    assert (body["cue"], body["confidence"], body["status"]) == ("said", 0.75, "verified")


@pytest.mark.parametrize("path", ["quotes", "speakers", "articles", "outlets"])
@pytest.mark.parametrize("pk", ["999999", "0", "9223372036854775808", "99999999999999999999999"])
def test_unknown_ids_are_a_json_404(api_client, path, pk):
    response = api_client.get(f"/api/{path}/{pk}/")
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize("path", ["/api/nothing/here/", "/api/quotes/nothing/"])
def test_unknown_api_path_is_a_json_404(api_client, path):
    response = api_client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_missing_trailing_slash_redirects(api_client):
    response = api_client.get("/api/quotes?q=talks")
    assert response.status_code == 301
    assert response["Location"] == "/api/quotes/?q=talks"


def test_speaker_detail_counts_quotes_outlets_and_dates(api_client):
    speaker = SpeakerFactory(aliases=["Envoy"])
    herald, times = OutletFactory(name="Herald"), OutletFactory(name="Times")
    when = [datetime.datetime(2020, m, 1, tzinfo=datetime.UTC) for m in (1, 2, 3)]
    for outlet, published_at in [(herald, when[0]), (herald, when[1]), (times, when[2])]:
        article = ArticleFactory(outlet=outlet, published_at=published_at)
        QuoteFactory(speaker=speaker, article=article)
    QuoteFactory()
    body = api_client.get(f"/api/speakers/{speaker.pk}/").json()
    assert body["quote_count"] == 3
    assert body["first_quoted_at"].startswith("2020-01-01")
    assert body["last_quoted_at"].startswith("2020-03-01")
    assert body["outlets"] == [
        {"id": herald.pk, "name": "Herald", "quote_count": 2},
        {"id": times.pk, "name": "Times", "quote_count": 1},
    ]
    assert body["aliases"] == ["Envoy"]


def test_speaker_never_quoted_has_zero_count(api_client):
    speaker = SpeakerFactory()
    body = api_client.get(f"/api/speakers/{speaker.pk}/").json()
    assert (body["quote_count"], body["first_quoted_at"], body["outlets"]) == (0, None, [])


def test_speaker_list_filters_by_name_and_kind(api_client):
    wi = named_speaker("Wi Seong-rak")
    named_speaker("Baek Ha-jun")
    org = SpeakerFactory(name="Reuters", kind="organization")
    names = lambda url: [s["name"] for s in api_client.get(url).json()["results"]]  # noqa: E731
    assert names("/api/speakers/?name=wi+seong+rak") == ["Wi Seong-rak"]
    assert names("/api/speakers/?kind=organization") == ["Reuters"]
    assert names("/api/speakers/")[:2] == ["Baek Ha-jun", "Reuters"]
    assert {wi.pk, org.pk} <= {s["id"] for s in api_client.get("/api/speakers/").json()["results"]}


def test_speaker_list_pages_by_name(api_client):
    for i, name in enumerate(["Cho", "Ahn", "Baek", "Ahn"]):
        SpeakerFactory(name=name, key=f"{name.lower()}-{i}")  # two different people named Ahn
    seen, url = [], "/api/speakers/?page_size=1"
    while url:
        body = api_client.get(url).json()
        seen += [s["name"] for s in body["results"]]
        url = body["next"]
    assert seen == ["Ahn", "Ahn", "Baek", "Cho"]


def test_article_detail_has_body_sentences_and_quotes(api_client):
    article = article_with_sentences()
    quote = QuoteFactory(article=article, start=11, end=16, mention_start=19, mention_end=21)
    body = api_client.get(f"/api/articles/{article.pk}/").json()
    assert body["body"] == BODY
    assert [s["text"] for s in body["sentences"]][:3] == ["One.", "Two.", "“Three,” Wi said."]
    assert [q["id"] for q in body["quotes"]] == [quote.pk]
    assert body["quotes"][0]["speaker"]["id"] == quote.speaker_id
    assert body["authors"] == ["Lee Ji-yoon", "Kim Da-eun"]


def test_article_list_filters_by_outlet_and_date(api_client):
    outlet = OutletFactory()
    march = ArticleFactory(
        outlet=outlet, published_at=datetime.datetime(2021, 3, 5, tzinfo=datetime.UTC)
    )
    ArticleFactory(outlet=outlet, published_at=datetime.datetime(2021, 5, 5, tzinfo=datetime.UTC))
    ArticleFactory(published_at=datetime.datetime(2021, 3, 6, tzinfo=datetime.UTC))
    url = f"/api/articles/?outlet={outlet.pk}&published_after=2021-03-01"
    url += "&published_before=2021-03-31"
    body = api_client.get(url).json()
    assert [a["id"] for a in body["results"]] == [march.pk]
    assert "body" not in body["results"][0]


def test_outlets_list_and_detail(api_client):
    outlet = OutletFactory(name="Aardvark Gazette")
    listed = api_client.get("/api/outlets/").json()["results"]
    assert listed[0] == {"id": outlet.pk, "name": "Aardvark Gazette", "domains": outlet.domains}
    assert api_client.get(f"/api/outlets/{outlet.pk}/").json()["name"] == "Aardvark Gazette"


def test_detail_serializers_read_what_the_view_hands_over_in_their_context():
    quote = QuoteFactory()
    stats = speaker_stats(speaker=quote.speaker)
    data = SpeakerDetailSerializer(quote.speaker, context={"stats": stats}).data
    assert (data["quote_count"], data["claim_count"]) == (1, 0)
    assert not hasattr(quote.speaker, "stats")
