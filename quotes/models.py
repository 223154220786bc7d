"""Speakers and the statements attributed to them: direct quotes and claims in reported speech.

Quotes and claims are one model, `Quote`, told apart by `kind`: they share speakers, articles,
offsets, curation status, history, the search vector and the re-extraction rules. `kind`
"indirect" is a claim (the reported clause of `Moon said he will push for talks`); the other
kinds are direct quotes. A claim around a quoted fragment is found by containment
(`selectors.claim_fragments`), not stored, so it can never go stale.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from sources.models import Article, Outlet
from sources.ordering import NEWEST_DATE


class SpeakerKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANIZATION = "organization", "organization"
    ANONYMOUS = "anonymous", "anonymous"


class Speaker(models.Model):
    """A person, organisation or anonymous source that quotes are attributed to.

    Named speakers are shared across articles through `key`, a normalised form of the name.
    An anonymous source ("a Cheong Wa Dae official") exists only within its article.
    """

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=12, choices=SpeakerKind.choices)
    description = models.CharField(
        max_length=500, blank=True, help_text="Title, e.g. 'director of the Center for ...'."
    )
    affiliation = models.CharField(max_length=300, blank=True)
    aliases = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    key = models.CharField(
        max_length=300, help_text="Normalised name for matching across articles."
    )
    # Normalised forms of the name and every alias: name search is an index lookup.
    search_keys = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="anonymous_speakers",
        help_text="Only for anonymous sources: the article they speak in.",
    )
    # Optimistic locking: a curator's save that did not start from the current version is
    # refused; machine updates (a new alias learned by ingestion, a merge) move it too.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            GinIndex(fields=["search_keys"], name="speaker_search_keys_gin"),
            models.Index(fields=["kind", "name"], name="speaker_kind_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
            models.CheckConstraint(condition=~Q(key=""), name="speaker_key_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=SpeakerKind.values), name="speaker_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind=SpeakerKind.ANONYMOUS, article__isnull=False)
                | (~Q(kind=SpeakerKind.ANONYMOUS) & Q(article__isnull=True)),
                name="speaker_article_iff_anonymous",
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(article__isnull=True),
                name="speaker_unique_named_key",
            ),
            models.UniqueConstraint(
                fields=["article", "key"],
                condition=Q(article__isnull=False),
                name="speaker_unique_anonymous_key",
            ),
        ]

    def __str__(self) -> str:
        # Anonymous sources share names across articles ("a senior official"): say whose.
        if self.article_id is not None:
            return f"{self.name} (article {self.article_id})"
        return self.name


class QuoteKind(models.TextChoices):
    FULL = "full", "full"
    PARTIAL = "partial", "partial"
    CONTINUATION = "continuation", "continuation"
    INDIRECT = "indirect", "indirect (claim)"


# The two families of statements: what `/api/quotes/` and `/api/claims/` serve.
DIRECT_KINDS: tuple[str, ...] = (QuoteKind.FULL, QuoteKind.PARTIAL, QuoteKind.CONTINUATION)
CLAIM_KINDS: tuple[str, ...] = (QuoteKind.INDIRECT,)
IS_CLAIM = Q(kind=QuoteKind.INDIRECT)


class QuoteStatus(models.TextChoices):
    EXTRACTED = "extracted", "extracted"
    VERIFIED = "verified", "verified"
    CORRECTED = "corrected", "corrected"
    REJECTED = "rejected", "rejected"


CURATED_STATUSES = (QuoteStatus.VERIFIED, QuoteStatus.CORRECTED, QuoteStatus.REJECTED)


class Quote(models.Model):
    """An attributed statement in an article, with offsets into the article's body: a direct
    quote (kind full, partial, continuation) or a claim in reported speech (kind indirect)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes"
    )
    text = models.TextField(
        help_text="The quote without its quote marks; for a claim, the reported clause."
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    first_sentence = models.PositiveIntegerField(help_text="Index of the sentence it starts in.")
    last_sentence = models.PositiveIntegerField(help_text="Index of the sentence it ends in.")
    mention = models.CharField(
        max_length=300, blank=True, help_text="The words that attribute it: 'Wi', 'he'."
    )
    mention_start = models.PositiveIntegerField(null=True, blank=True)
    mention_end = models.PositiveIntegerField(null=True, blank=True)
    cue = models.CharField(max_length=100, blank=True, help_text="The attribution verb.")
    kind = models.CharField(max_length=12, choices=QuoteKind.choices, default=QuoteKind.FULL)
    confidence = models.FloatField(default=1.0)
    status = models.CharField(
        max_length=10, choices=QuoteStatus.choices, default=QuoteStatus.EXTRACTED
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    # Copies of the article's date and outlet, kept in step by database triggers, so that
    # date-ordered and outlet-filtered quote lists are served by one index.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        db_constraint=False,
    )
    search_vector = models.GeneratedField(
        expression=SearchVector("text", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Optimistic locking: a save that did not start from the current version is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_vector", "published_at", "outlet"])

    class Meta:
        # Newest first, undated last (sources.ordering): the order of the *_newest_idx indexes.
        ordering = [NEWEST_DATE, F("id").desc()]
        indexes = [
            GinIndex(fields=["search_vector"], name="quote_search_gin"),
            models.Index(NEWEST_DATE, F("id").desc(), name="quote_newest_idx"),
            # Oldest first (undated last too: ascending puts NULLs last).
            models.Index(fields=["published_at", "id"], name="quote_published_idx"),
            # Covering the outlet too: a speaker's counts per outlet and per year are
            # index-only scans (30 ms, not 400 ms, for a speaker with 35,000 quotes).
            models.Index(
                F("speaker"), NEWEST_DATE, include=["outlet"], name="quote_speaker_newest_idx"
            ),
            models.Index(F("outlet"), NEWEST_DATE, name="quote_outlet_newest_idx"),
            models.Index(fields=["article", "start"], name="quote_article_start_idx"),
            models.Index(F("status"), NEWEST_DATE, name="quote_status_newest_idx"),
            models.Index(fields=["status", "confidence"], name="quote_review_queue_idx"),
            # Claims by date even while they are a small share of the table.
            models.Index(NEWEST_DATE, F("id").desc(), condition=IS_CLAIM, name="claim_newest_idx"),
            models.Index(
                fields=["status", "confidence"], condition=IS_CLAIM, name="claim_review_queue_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="quote_start_lt_end"),
            models.CheckConstraint(
                condition=Q(first_sentence__lte=F("last_sentence")),
                name="quote_sentences_ordered",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0.0, confidence__lte=1.0),
                name="quote_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=Q(mention_start__isnull=True, mention_end__isnull=True)
                | Q(mention_start__lt=F("mention_end")),
                name="quote_mention_offsets",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=QuoteStatus.values), name="quote_status_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"),
            # One quote and one claim may share a span (a claim that is all quoted words).
            models.UniqueConstraint(
                fields=["article", "start", "end"], condition=~IS_CLAIM, name="quote_unique_span"
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"], condition=IS_CLAIM, name="claim_unique_span"
            ),
        ]

    def __str__(self) -> str:
        excerpt = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"claim: {excerpt}" if self.is_claim else f"“{excerpt}”"

    @property
    def is_claim(self) -> bool:
        return self.kind == QuoteKind.INDIRECT
