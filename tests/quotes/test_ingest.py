"""Ingestion: articles in, cleaned, dated, deduplicated, with curation never lost."""

import datetime as dt
import threading
from pathlib import Path

import pytest
from django.db import connection

from quotes.extraction import EXTRACTOR_VERSION
from quotes.models import Quote, QuoteStatus, Speaker
from quotes.services import IngestError, article_ingest, article_reextract
from sources.models import Article, Sentence
from sources.services import UpsertState

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STORY = (
    "Talks resume\n\n"
    "“We are ready to talk at any time,” said Harry J. Kazianis, senior director of Korean "
    "Studies at the Center for the National Interest.\n\n"
    "“The door is open,” a senior White House official told reporters."
)


def ingest(text: str = STORY, **fields):
    return article_ingest(text=text, **fields)


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_ingest_stores_article_sentences_speakers_and_quotes():
    result = ingest(url="https://news.example/talks")
    article = result.article
    assert result.state is UpsertState.CREATED
    assert article.extractor_version == EXTRACTOR_VERSION
    assert article.sentences.count() >= 3
    texts = {q.text: q for q in article.quotes.select_related("speaker")}
    assert "We are ready to talk at any time," in texts
    assert texts["We are ready to talk at any time,"].speaker.name == "Harry J. Kazianis"
    for quote in article.quotes.all():
        assert article.body[quote.start : quote.end] == quote.text


def test_offsets_of_every_stored_row_slice_back_into_the_body():
    article = ingest(text=seed("004")).article
    for sentence in Sentence.objects.filter(article=article):
        assert sentence.text.strip()
    for quote in Quote.objects.filter(article=article):
        assert article.body[quote.start : quote.end] == quote.text
        if quote.mention_start is not None:
            assert article.body[quote.mention_start : quote.mention_end] == quote.mention


def test_same_url_twice_is_one_article():
    first = ingest(url="https://news.example/a")
    second = ingest(url="https://news.example/a")
    assert second.state is UpsertState.UNCHANGED
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_same_content_under_another_url_is_one_article():
    first = ingest(url="https://news.example/a")
    second = ingest(url="https://mirror.example/a")
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_same_content_learns_a_missing_url():
    first = ingest()
    second = ingest(url="https://news.example/learned")
    assert second.article.pk == first.article.pk
    assert Article.objects.get().url == "https://news.example/learned"


def test_changed_text_at_the_same_url_updates_the_article():
    first = ingest(url="https://news.example/a")
    changed = STORY + "\n\n“We will not wait for ever,” said Harry J. Kazianis."
    second = ingest(text=changed, url="https://news.example/a")
    assert second.state is UpsertState.UPDATED
    assert second.article.pk == first.article.pk
    assert "We will not wait for ever," in set(second.article.quotes.values_list("text", flat=True))


def test_update_keeps_curated_quotes_exactly_as_left():
    article = ingest(url="https://news.example/a").article
    curated = article.quotes.get(text__startswith="We are ready")
    curated.status, curated.cue = QuoteStatus.CORRECTED, "insisted"
    curated.save()
    ingest(text="Breaking\n\n" + STORY, url="https://news.example/a")
    curated.refresh_from_db()
    assert (curated.status, curated.cue) == (QuoteStatus.CORRECTED, "insisted")
    body = Article.objects.get().body
    assert body[curated.start : curated.end] == curated.text
    assert Quote.objects.filter(text=curated.text).count() == 1


def test_update_that_drops_a_curated_quote_is_refused_and_changes_nothing():
    article = ingest(url="https://news.example/a").article
    curated = article.quotes.get(text__startswith="We are ready")
    curated.status = QuoteStatus.VERIFIED
    curated.save()
    with pytest.raises(IngestError, match="curated quote"):
        ingest(text="Talks resume\n\nNothing was said today.", url="https://news.example/a")
    assert Article.objects.get().body == article.body
    assert Quote.objects.filter(pk=curated.pk, status=QuoteStatus.VERIFIED).exists()


def test_empty_text_is_refused():
    with pytest.raises(IngestError, match="text"):
        ingest(text="  \n\n ")
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"url": "https://news.example/\x00"}, "url"),
        ({"title": "bad \ud800 title"}, "title"),
        ({"authors": "Lee Ji-yoon"}, "authors"),
        ({"authors": [42]}, "authors"),
    ],
)
def test_bad_metadata_is_refused_by_field_name(fields, field):
    with pytest.raises(IngestError) as error:
        ingest(**fields)
    assert error.value.field == field
    assert not Article.objects.exists()


def test_nul_characters_in_text_are_dropped_not_stored():
    article = ingest(text=STORY.replace("Talks", "Tal\x00ks")).article
    assert "\x00" not in article.body
    assert "\x00" not in article.raw_text


def test_metadata_given_wins_over_what_the_page_says():
    article = ingest(
        text=seed("000"),
        title="Given title",
        outlet="Given Outlet",
        authors=["Given Author"],
        published_at=dt.date(2020, 1, 2),
    ).article
    assert article.title == "Given title"
    assert article.outlet.name == "Given Outlet"
    assert article.authors == ["Given Author"]
    assert article.published_at.date() == dt.date(2020, 1, 2)
    assert article.published_precision == "day"


def test_the_same_person_is_one_speaker_across_articles():
    ingest(text=STORY)
    ingest(text="Other story\n\n“Sanctions will stay,” said Harry Kazianis, an analyst.")
    assert Speaker.objects.filter(name__contains="Kazianis").count() == 1
    speaker = Speaker.objects.get(name__contains="Kazianis")
    assert speaker.quotes.count() == 2


def test_anonymous_sources_stay_separate_per_article():
    ingest(text=STORY)
    ingest(text="Later\n\n“The door is still open,” a senior White House official told reporters.")
    anonymous = Speaker.objects.filter(kind="anonymous")
    assert anonymous.count() == 2
    assert len({s.article_id for s in anonymous}) == 2


def test_reextract_redoes_machine_quotes_in_place_and_keeps_curated_ones():
    article = ingest().article
    curated = article.quotes.get(text__startswith="We are ready")
    curated.status = QuoteStatus.REJECTED
    curated.save()
    machine_ids = set(article.quotes.filter(status="extracted").values_list("pk", flat=True))
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    result = article_reextract(article=article)
    assert result.kept_curated == 1
    assert Quote.objects.get(pk=curated.pk).status == QuoteStatus.REJECTED
    # The same words by the same speaker keep their ids (links to them stay valid).
    redone = article.quotes.filter(status="extracted")
    assert set(redone.values_list("pk", flat=True)) == machine_ids
    assert set(redone.values_list("extractor_version", flat=True)) == {EXTRACTOR_VERSION}
    assert Article.objects.get(pk=article.pk).extractor_version == EXTRACTOR_VERSION


@pytest.mark.parametrize(
    ("name", "title", "outlet", "authors", "published"),
    [
        (
            "000",
            "Moon’s push for peace talks gains momentum",
            "The Korea Herald",
            ["Lee Ji-yoon"],
            "2021-03-11T05:30:00+00:00",
        ),
        (
            "001",
            "South's Moon Hopes to Restart N. Korean Diplomacy with Biden",
            "Asharq Al-Awsat",
            [],
            "2021-05-10T06:45:00+00:00",
        ),
        (
            "002",
            "S. Korea, US, Japan to hold high-level talks next week",
            "The Korea Herald",
            ["Lee Ji-yoon"],
            "2021-03-24T06:07:00+00:00",
        ),
        (
            "003",
            "Seoul tasked with complex challenges ahead of visit of US diplomatic, "
            "defense policy chiefs",
            "The Korea Times",
            ["Do Je-hae"],
            None,
        ),
        ("004", None, "The Hankyoreh", ["Hwang Joon-bum"], "2021-03-15T07:42:00+00:00"),
    ],
)
def test_seed_articles_get_their_metadata(default_outlets, name, title, outlet, authors, published):
    article = ingest(text=seed(name)).article
    if title is not None:
        assert article.title == title
    else:
        assert article.title.endswith("N. Korea unresponsive to US contact efforts")
    assert article.outlet.name == outlet
    assert article.authors == authors
    if published is None:
        assert article.published_at is None
    else:
        assert article.published_at == dt.datetime.fromisoformat(published)


@pytest.mark.django_db(transaction=True)
def test_sixteen_concurrent_clients_store_each_article_once():
    texts = [f"Story {n % 4}\n\n“We are ready,” said Kim Min-{n % 4}." for n in range(16)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(16)

    def client(text: str) -> None:
        try:
            barrier.wait()
            ingest(text=text, url=f"https://news.example/{text[:7]}")
        except BaseException as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Article.objects.count() == 4
    assert Speaker.objects.filter(name__startswith="Kim Min-").count() == 4
    assert Quote.objects.count() == 4


def test_a_merged_speaker_is_not_recreated_by_later_articles():
    ingest(text="One\n\n“Sanctions will stay,” said Harry Kazianis, an analyst.")
    kept = Speaker.objects.get(name="Harry Kazianis")
    kept.name, kept.key = "Harry J. Kazianis (CNI)", "harry kazianis cni"
    kept.search_keys = [kept.key, "harrykazianis", *kept.search_keys]
    kept.save()
    ingest(text="Two\n\n“Talks must resume,” said Harry Kazianis, an analyst.")
    assert Speaker.objects.filter(article__isnull=True).count() == 1
    assert kept.quotes.count() == 2


def test_korean_names_spelled_with_or_without_hyphen_are_one_speaker():
    ingest(text="One\n\n“Pressure will not work,” said Wi Seong-rak, a former envoy.")
    ingest(text="Two\n\n“Talks must come first,” said Wi Seong Rak, a former envoy.")
    speaker = Speaker.objects.get(key="wi-seong-rak")
    assert speaker.quotes.count() == 2
    assert {speaker.name, *speaker.aliases} == {"Wi Seong-rak", "Wi Seong Rak"}


def test_a_shorter_text_with_a_new_date_at_the_same_url_updates_the_article():
    long_story = STORY + "\n\n“We will wait as long as it takes,” said Harry J. Kazianis."
    first = ingest(text=long_story, url="https://news.example/a")
    result = ingest(
        text="Talks resume\n\n“The door is open,” a senior White House official told reporters.",
        url="https://news.example/a",
        published_at=dt.date(2021, 3, 12),
    )
    assert result.state is UpsertState.UPDATED
    article = Article.objects.get(pk=first.article.pk)
    assert article.published_at.date() == dt.date(2021, 3, 12)
    for quote in article.quotes.all():
        assert article.body[quote.start : quote.end] == quote.text
        assert quote.published_at == article.published_at


def test_a_url_cannot_take_the_text_of_another_stored_article():
    first = ingest(text=STORY, url="https://news.example/a")
    other = "Other story\n\n“Sanctions will stay,” said Harry Kazianis."
    ingest(text=other, url="https://news.example/b")
    with pytest.raises(IngestError, match="already stored as article"):
        ingest(text=other, url="https://news.example/a")
    assert Article.objects.get(pk=first.article.pk).body == first.article.body


def test_update_keeps_the_id_of_every_quote_whose_text_and_speaker_are_unchanged():
    first = ingest(url="https://news.example/a").article
    before = dict(first.quotes.values_list("text", "id"))
    changed = "Breaking: a correction.\n\n" + STORY + "\n\n“We will not wait,” said Harry Kazianis."
    article = ingest(text=changed, url="https://news.example/a").article
    after = dict(article.quotes.values_list("text", "id"))
    assert before  # the story has quotes
    for text, quote_id in before.items():
        assert after[text] == quote_id
    moved = article.quotes.get(id=next(iter(before.values())))
    assert article.body[moved.start : moved.end] == moved.text
    assert set(after) - set(before) == {"We will not wait,"}


def test_update_drops_the_quotes_whose_words_are_gone():
    first = ingest(url="https://news.example/a").article
    old_ids = set(first.quotes.values_list("id", flat=True))
    article = ingest(
        text="Talks end\n\n“Nothing more,” said Kim Min-su.", url="https://news.example/a"
    ).article
    assert not old_ids & set(article.quotes.values_list("id", flat=True))
    assert list(article.quotes.values_list("text", flat=True)) == ["Nothing more,"]
