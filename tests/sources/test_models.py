import hashlib

import pytest
from django.db import IntegrityError, transaction

from sources.models import Article, Outlet, Sentence
from tests.factories import ArticleFactory, OutletFactory, SentenceFactory

pytestmark = pytest.mark.django_db


def test_factories_build_a_valid_article_with_sentences():
    sentence = SentenceFactory(start=0, end=44)
    assert sentence.text == sentence.article.body[0:44]
    assert Article.objects.count() == 1
    assert Outlet.objects.filter(articles=sentence.article).exists()


def test_default_outlet_registry_knows_the_seed_outlets(default_outlets):
    domains = {d for o in Outlet.objects.all() for d in o.domains}
    assert {"heraldcorp.com", "koreatimes.co.kr", "hani.co.kr", "aawsat.com"} <= domains


def test_duplicate_url_is_refused():
    ArticleFactory(url="https://news.example/a")
    with pytest.raises(IntegrityError):
        ArticleFactory(url="https://news.example/a")


def test_very_long_urls_are_unique_by_hash():
    long_url = "https://news.example/" + "x" * 10_000
    article = ArticleFactory(url=long_url)
    article.refresh_from_db()
    assert article.url_hash == hashlib.md5(long_url.encode()).hexdigest()
    with pytest.raises(IntegrityError):
        ArticleFactory(url=long_url)


def test_many_articles_without_url_are_allowed():
    ArticleFactory(url=None)
    ArticleFactory(url=None)
    assert Article.objects.filter(url__isnull=True).count() == 2


def test_duplicate_content_is_refused():
    first = ArticleFactory()
    with pytest.raises(IntegrityError):
        ArticleFactory(body=first.body + " ", content_hash=first.content_hash)


def test_empty_body_is_refused():
    with pytest.raises(IntegrityError):
        ArticleFactory(body="", content_hash="0" * 64)


def test_date_precision_comes_with_a_date():
    with pytest.raises(IntegrityError):
        ArticleFactory(published_at=None, published_precision="day")


@pytest.mark.parametrize(("start", "end"), [(5, 5), (9, 3)])
def test_sentence_must_start_before_it_ends(start, end):
    article = ArticleFactory()
    with pytest.raises(IntegrityError):
        SentenceFactory(article=article, start=start, end=end)


def test_sentence_outside_the_body_is_refused():
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match="outside the article body"):
        SentenceFactory(article=article, start=0, end=len(article.body) + 1)


def test_sentence_ending_at_the_body_end_is_accepted():
    article = ArticleFactory()
    assert SentenceFactory(article=article, start=0, end=len(article.body)).pk


def test_body_cannot_shrink_under_its_sentences():
    article = ArticleFactory()
    SentenceFactory(article=article, start=0, end=len(article.body))
    # The check waits for the commit, so that body and sentences can change together;
    # SET CONSTRAINTS ALL IMMEDIATE runs it now, as a commit would.
    Article.objects.filter(pk=article.pk).update(body="short")
    with pytest.raises(IntegrityError), transaction.get_connection().cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_body_and_sentences_can_be_replaced_in_one_transaction():
    article = ArticleFactory()
    SentenceFactory(article=article, start=0, end=len(article.body))
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(body="short", content_hash="1" * 64)
        Sentence.objects.filter(article=article).delete()
        SentenceFactory(article=article, start=0, end=5)
    assert Sentence.objects.get(article=article).end == 5


def test_duplicate_sentence_index_is_refused():
    article = ArticleFactory()
    SentenceFactory(article=article, index=0)
    with pytest.raises(IntegrityError):
        SentenceFactory(article=article, index=0)


def test_outlet_protects_its_articles_from_deletion():
    article = ArticleFactory()
    with pytest.raises(Exception, match="protected"):
        article.outlet.delete()


def test_deleting_an_article_deletes_its_sentences():
    sentence = SentenceFactory()
    sentence.article.delete()
    assert not Sentence.objects.exists()


def test_outlet_names_are_unique():
    OutletFactory(name="The Daily")
    with pytest.raises(IntegrityError):
        OutletFactory(name="The Daily")
