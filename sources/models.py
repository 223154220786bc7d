"""Outlets, the articles they publish, and the sentences of each article's body."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import MD5
from simple_history.models import HistoricalRecords

from sources.ordering import NEWEST_DATE


class Outlet(models.Model):
    """A publisher. Ingestion recognises it by its web domains, mastheads and site names."""

    name = models.CharField(max_length=200, unique=True)
    domains = ArrayField(
        models.CharField(max_length=253),
        default=list,
        blank=True,
        help_text="Web and e-mail domains, e.g. koreaherald.com, heraldcorp.com.",
    )
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Mastheads and site names as pages write them, e.g. 'Korea Herald'.",
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        help_text="IANA time zone of dates the outlet prints without a zone, e.g. Asia/Seoul.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [GinIndex(fields=["domains"], name="outlet_domains_gin")]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MINUTE = "minute", "minute"
    SECOND = "second", "second"


class Article(models.Model):
    """One news article. Every offset of its sentences and quotes points into `body`."""

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    title = models.CharField(max_length=1000, blank=True)
    # NULL, not "", for "no URL": many articles have none, and NULLs never collide.
    url = models.TextField(null=True, blank=True)  # noqa: DJ001
    # Long URLs do not fit a btree index (~2,700 bytes), so uniqueness is on their hash.
    url_hash = models.GeneratedField(
        expression=MD5("url"),
        output_field=models.CharField(max_length=32),
        db_persist=True,
        null=True,
        unique=True,
    )
    authors = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # NULL exactly when published_at is NULL (checked below).
    published_precision = models.CharField(  # noqa: DJ001
        max_length=6, choices=DatePrecision.choices, null=True, blank=True
    )
    body = models.TextField(help_text="The cleaned text that every offset points into.")
    raw_text = models.TextField(help_text="The text as received, before cleaning.")
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the body: the same text is one article."
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who changed what, and when. The texts stay out (a copy of up to 1,000,000 characters a
    # change); content_hash shows that the text changed.
    history = HistoricalRecords(excluded_fields=["body", "raw_text", "url_hash"])

    class Meta:
        # Newest first, undated last (sources.ordering): the order of the *_newest_idx indexes.
        ordering = [NEWEST_DATE, F("id").desc()]
        indexes = [
            models.Index(NEWEST_DATE, F("id").desc(), name="article_newest_idx"),
            # Oldest first (undated last too: ascending puts NULLs last).
            models.Index(fields=["published_at", "id"], name="article_published_idx"),
            models.Index(F("outlet"), NEWEST_DATE, name="article_outlet_newest_idx"),
            models.Index(fields=["extractor_version"], name="article_extractor_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True, published_precision__isnull=True)
                | Q(published_at__isnull=False, published_precision__isnull=False),
                name="article_precision_with_date",
            ),
            models.CheckConstraint(condition=~Q(url=""), name="article_url_not_empty"),
            models.CheckConstraint(
                condition=Q(published_precision__in=DatePrecision.values)
                | Q(published_precision__isnull=True),
                name="article_precision_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"


class Sentence(models.Model):
    """A sentence of an article's body, as the sentence splitter found it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["article", "index"]
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="sentence_unique_index"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="sentence_start_lt_end"),
        ]

    def __str__(self) -> str:
        return f"Sentence {self.index} of article {self.article_id}"

    @property
    def text(self) -> str:
        return self.article.body[self.start : self.end]
