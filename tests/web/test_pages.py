"""The fact-checkers' pages through Django's test client: what each page shows, and bad input."""

import re

import pytest

from quotes.models import Quote, QuoteKind, QuoteStatus
from tests.web.world import HOSTILE, build_world

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode()


def result_ids(response) -> list[int]:
    return [int(i) for i in re.findall(r'<a href="/quotes/(\d+)/">“', text_of(response))]


# --- Search ---------------------------------------------------------------------------------


def test_empty_search_shows_recent_verified_quotes(client, world):
    response = client.get("/")
    assert response.status_code == 200
    assert "Recently verified" in text_of(response)
    assert result_ids(response) == [world.patience.pk]


def test_empty_search_without_verified_quotes_shows_recent_ones(client, world):
    Quote.objects.update(status=QuoteStatus.EXTRACTED)
    response = client.get("/")
    assert "Recent statements" in text_of(response)
    assert len(result_ids(response)) == Quote.objects.count()


def test_phrase_search_highlights_the_matched_words(client, world):
    response = client.get("/", {"q": '"strategic patience"'})
    assert result_ids(response) == [world.patience.pk]
    assert "<mark>strategic</mark> <mark>patience</mark>" in text_of(response)
    assert "1 statement matches" in " ".join(text_of(response).split())


@pytest.mark.parametrize("spelling", ["wi seong rak", "WI SEONGRAK", "Seong-rak Wi", "Wi"])
def test_speaker_filter_takes_any_spelling(client, world, spelling):
    response = client.get("/", {"speaker": spelling})
    assert set(result_ids(response)) == {q.pk for q in world.wi_quotes}
    assert f'href="/speakers/{world.wi.pk}/"' in text_of(response)


@pytest.mark.parametrize("spelling", ["Baek", "President Baek", "baek ha jun"])
def test_speaker_filter_finds_a_surname_and_a_title(client, world, spelling):
    response = client.get("/", {"speaker": spelling})
    ids = result_ids(response)
    assert len(ids) == 1
    assert Quote.objects.get(pk=ids[0]).speaker == world.baek


def test_unknown_speaker_says_so(client, world):
    response = client.get("/", {"speaker": "Nobody Atall"})
    assert response.status_code == 200
    assert "No speaker is called “Nobody Atall”" in text_of(response)
    assert result_ids(response) == []


def test_outlet_and_dates_narrow_the_results(client, world):
    wire = client.get("/", {"outlet": world.wire.pk, "speaker": "Wi"})
    assert set(result_ids(wire)) == {q.pk for q in world.wi_quotes[1:]}
    dated = client.get("/", {"speaker": "Wi", "start": "2019-01-02", "end": "2019-01-02"})
    assert result_ids(dated) == [world.wi_quotes[2].pk]


def test_kind_filter_separates_quotes_from_claims(client, world):
    partial = Quote.objects.filter(speaker=world.baek).first()
    Quote.objects.filter(pk=partial.pk).update(kind=QuoteKind.PARTIAL)
    quotes = client.get("/", {"speaker": "Baek"})
    assert result_ids(quotes) == [partial.pk]
    # No claim is stored yet (kind "indirect" arrives with the claims engine).
    assert result_ids(client.get("/", {"speaker": "Baek", "kind": "claims"})) == []
    assert result_ids(client.get("/", {"speaker": "Baek", "kind": "all"})) == [partial.pk]


def test_verified_only(client, world):
    response = client.get("/", {"speaker": "Wi", "verified": "on"})
    assert result_ids(response) == [world.patience.pk]


def test_sort_orders_by_date(client, world):
    newest = result_ids(client.get("/", {"speaker": "Wi", "sort": "-published_at"}))
    oldest = result_ids(client.get("/", {"speaker": "Wi", "sort": "published_at"}))
    assert newest[0] == world.patience.pk
    assert oldest == list(reversed(newest))


def test_pages_through_results_with_a_shareable_url(client, db):
    world = build_world(wi_quote_count=25)
    first = client.get("/", {"speaker": "Wi", "sort": "-published_at"})
    assert len(result_ids(first)) == 20
    assert "26 statements match" in " ".join(text_of(first).split())
    next_link = re.search(r'rel="next" href="([^"]+)"', text_of(first))
    assert next_link
    url = next_link.group(1).replace("&amp;", "&")
    second = client.get("/" + url)
    assert "speaker=Wi" in url
    assert len(result_ids(second)) == 6
    assert not set(result_ids(first)) & set(result_ids(second))
    assert 'rel="next"' not in text_of(second)
    assert world.wi_quotes[1].pk in result_ids(second)  # the oldest, round 0


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2021-02-30"}, "Enter a valid date"),
        ({"start": "2021-03-02", "end": "2021-03-01"}, "before the start date"),
        ({"outlet": "999999"}, "Select a valid choice"),
        ({"outlet": "The Herald"}, "Select a valid choice"),
        ({"outlet": "99999999999999999999999"}, "Select a valid choice"),
        ({"end": "9999-12-31"}, "between the years 1 and 9998"),
        ({"page": "0"}, "greater than or equal to 1"),
        ({"page": "abc"}, "Enter a whole number"),
        ({"page": "10000000000000000000000"}, "less than or equal to 50"),
        ({"kind": "everything"}, "Select a valid choice"),
        ({"sort": "id"}, "Select a valid choice"),
        ({"q": "x" * 501}, "at most 500 characters"),
        ({"q": "nul\x00byte"}, "Null characters are not allowed"),
        ({"speaker": "nul\x00"}, "Null characters are not allowed"),
    ],
)
def test_bad_search_input_gets_a_friendly_400(client, world, params, message):
    response = client.get("/", params)
    assert response.status_code == 400
    assert message in text_of(response)
    assert 'role="alert"' in text_of(response)


def test_extreme_but_valid_dates_search(client, world):
    response = client.get("/", {"start": "0001-01-01", "end": "9998-12-31", "speaker": "Wi"})
    assert response.status_code == 200
    assert len(result_ids(response)) == len(world.wi_quotes)


def test_search_runs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    world = build_world(wi_quote_count=30)
    searches = (
        {},
        {"q": "sanctions", "speaker": "Wi", "outlet": world.wire.pk},
        {"speaker": "Baek"},
    )
    # At most: the outlet menu and the chosen outlet, the speakers the name matches (shown,
    # listed, counted), two row estimates, the ranked page, its speakers and articles, the
    # count's estimate and the count.
    for params in searches:
        with django_assert_max_num_queries(12):
            assert client.get("/", params).status_code == 200


# --- Quote page ---------------------------------------------------------------------------


def test_quote_page_shows_statement_context_speaker_and_citation(client, world):
    response = client.get(f"/quotes/{world.patience.pk}/")
    page = text_of(response)
    assert response.status_code == 200
    assert "<mark>We will keep a policy of strategic patience with the North,</mark>" in page
    assert "Wi said on Monday." in page
    assert "former special representative for Korean Peninsula peace" in page
    assert "(Ministry of Foreign Affairs)" in page
    assert "Verified by staff" in page
    # 15 March 16:42 UTC is 16 March 01:42 in Seoul, the outlet's zone.
    assert "16 March 2021, 01:42 KST" in page
    assert 'href="https://seoulmorning.example/2021/talks"' in page
    citation = (
        "“We will keep a policy of strategic patience with the North,” said Wi Seong-rak, "
        "former special representative for Korean Peninsula peace, Seoul Morning Example, "
        "16 March 2021, https://seoulmorning.example/2021/talks"
    )
    assert citation in page
    assert f'href="/api/quotes/{world.patience.pk}/"' in page


def test_quote_page_embeds_schema_org_quotation(client, world):
    import json

    page = text_of(client.get(f"/quotes/{world.patience.pk}/"))
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Quotation"
    assert data["spokenByCharacter"] == {
        "@type": "Person",
        "name": "Wi Seong-rak",
        "description": "former special representative for Korean Peninsula peace",
    }
    assert data["isPartOf"]["publisher"]["name"] == "Seoul Morning Example"


def test_unchecked_quote_says_so(client, world):
    quote = world.wi_quotes[1]
    page = text_of(client.get(f"/quotes/{quote.pk}/"))
    assert "not yet checked by staff" in page
    assert "Verified by staff" not in page


def test_quote_page_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get(f"/quotes/{world.patience.pk}/")


# --- Speaker, article and outlet pages ----------------------------------------------------------


def test_speaker_page_shows_count_timeline_outlets_and_statements(client, world):
    response = client.get(f"/speakers/{world.wi.pk}/")
    page = text_of(response)
    assert response.status_code == 200
    assert "<strong>4</strong> statements" in page
    assert 'aria-label="Quotes per year: 2019: 3, 2020: 0, 2021: 1"' in page
    assert "Global Wire Example</a> (3)" in page
    assert result_ids(response)[0] == world.patience.pk


def test_speaker_page_searches_inside_their_statements(client, world):
    response = client.get(f"/speakers/{world.wi.pk}/", {"q": "round 1"})
    assert result_ids(response)[0] == world.wi_quotes[2].pk
    baek = client.get(f"/speakers/{world.baek.pk}/", {"q": "sanctions"})
    assert result_ids(baek) == []
    assert "No statement matches" in text_of(baek)


def test_anonymous_source_shows_its_article_and_affiliation(client, world):
    page = text_of(client.get(f"/speakers/{world.official.pk}/"))
    assert "Cheong Wa Dae" in page
    assert f'href="/articles/{world.articles[0].pk}/"' in page
    assert "never merged across articles" in page


def test_speaker_page_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(f"/speakers/{world.wi.pk}/")
    # With a search: two row estimates (the plan choice), the ranked window, its speakers and
    # articles; for an anonymous source, its article.
    with django_assert_max_num_queries(12):
        client.get(f"/speakers/{world.official.pk}/", {"q": "review"})


def test_article_page_highlights_every_statement_with_its_speaker(client, world):
    article = world.articles[0]
    page = text_of(client.get(f"/articles/{article.pk}/"))
    assert page.count("<mark>") == 3
    assert "[Wi Seong-rak]" in page
    assert "[Baek Ha-jun]" in page
    assert "[a senior official]" in page
    assert "3 statements found" in page


def test_article_page_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get(f"/articles/{world.articles[0].pk}/")


def test_outlet_page_lists_articles_and_recent_statements(client, world):
    response = client.get(f"/outlets/{world.wire.pk}/")
    page = text_of(response)
    assert response.status_code == 200
    assert "Global Wire Example" in page
    assert "4 articles" in page
    assert "Briefing number 2" in page
    assert f'href="/?outlet={world.wire.pk}"' in page


def test_outlet_page_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(f"/outlets/{world.wire.pk}/")


@pytest.mark.parametrize(
    "path",
    [
        "/quotes/999999/",
        "/speakers/999999/",
        "/articles/999999/",
        "/outlets/999999/",
        "/quotes/99999999999999999999999/",
        "/no/such/page/",
    ],
)
def test_unknown_pages_get_the_sites_own_404(client, world, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in text_of(response)
    assert 'href="/"' in text_of(response)


def test_bad_page_numbers_on_detail_pages_are_400(client, world):
    assert client.get(f"/outlets/{world.wire.pk}/", {"page": "-1"}).status_code == 400
    assert client.get(f"/speakers/{world.wi.pk}/", {"page": "x"}).status_code == 400


def test_pages_are_read_only(client, world):
    assert client.post("/", {"q": "x"}).status_code == 405
    assert client.post(f"/quotes/{world.patience.pk}/").status_code == 405


# --- Hostile content --------------------------------------------------------------------------


def test_hostile_content_stays_escaped_on_every_page(client, world):
    hostile = world.hostile
    pages = [
        "/?q=attack",
        f"/quotes/{hostile.pk}/",
        f"/speakers/{world.villain.pk}/",
        f"/articles/{hostile.article_id}/",
        f"/outlets/{world.wire.pk}/",
        "/?speaker=evil",
    ]
    for path in pages:
        page = text_of(client.get(path))
        assert "<script>alert" not in page, path
        assert "<img src=x" not in page, path
        assert "&lt;script&gt;" in page, path


def test_hostile_text_in_json_ld_cannot_close_the_script(client, world):
    page = text_of(client.get(f"/quotes/{world.hostile.pk}/"))
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw
    assert HOSTILE not in raw


# --- Type-ahead ---------------------------------------------------------------------------------


def test_speaker_suggestions_match_words_in_any_order(client, world):
    assert client.get("/suggest/speakers/", {"q": "seong-rak wi"}).json() == {
        "results": ["Wi Seong-rak"]
    }
    assert client.get("/suggest/speakers/", {"q": "baek"}).json() == {"results": ["Baek Ha-jun"]}
    assert client.get("/suggest/speakers/", {"q": "official"}).json() == {"results": []}
    assert client.get("/suggest/speakers/", {"q": "\x00"}).json() == {"results": []}


def test_counts_of_common_words_are_estimated(client, world, monkeypatch):
    import quotes.selectors

    monkeypatch.setattr(quotes.selectors, "COUNT_SEARCH_UP_TO", -1)
    page = " ".join(text_of(client.get("/", {"q": "sanctions", "sort": "-published_at"})).split())
    assert re.search(r"About [\d,]+ statements match", page)  # `1,234` past a thousand


def test_relevance_counts_its_window_and_estimates_past_it(client, world, monkeypatch):
    import quotes.selectors
    import web.views

    page = " ".join(text_of(client.get("/", {"q": "sanctions"})).split())
    assert "3 statements match" in page
    monkeypatch.setattr(quotes.selectors, "RANK_WINDOW", 2)
    monkeypatch.setattr(web.views, "RANK_WINDOW", 2)
    response = client.get("/", {"q": "sanctions"})
    page = " ".join(text_of(response).split())
    assert re.search(r"More than 2 statements \(about [\d,]+\) match", page)
    assert "order by date to see every match" in page
    assert len(result_ids(response)) == 2


def test_counts_stop_at_a_thousand(client, world, monkeypatch):
    import web.views

    monkeypatch.setattr(web.views, "COUNT_LIMIT", 2)
    page = " ".join(text_of(client.get("/", {"speaker": "Wi"})).split())
    assert re.search(r"More than 2 statements \(about [\d,]+\) match", page)
