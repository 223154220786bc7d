"""Quotes, claims, speakers and articles-with-quotes as the API shows them; the ingest input."""

import datetime as dt
import re
from collections.abc import Mapping
from html import escape
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quotes.models import DIRECT_KINDS, Quote, QuoteKind, Speaker, SpeakerKind
from quotes.selectors import MARK_START, MARK_STOP
from sources.serializers import ArticleSummarySerializer, SentenceSerializer


def highlighted(headline: str | None) -> str | None:
    """ts_headline output, HTML-escaped (quotes may hold markup), matches in <mark>."""
    if headline is None:
        return None
    safe = escape(headline, quote=False)
    if safe.count(MARK_START) != safe.count(MARK_STOP):  # a marker char in the text itself
        return safe.replace(MARK_START, "").replace(MARK_STOP, "")
    return safe.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")


# --- Data the view hands over ----------------------------------------------------------------
# What a view reads besides the instance (a quote's sentences, a speaker's counts, a claim's
# fragments) goes to the serializer in its context, never set as attributes on model objects.


def context_value(field: serializers.Field, instance: Any) -> Any:
    """The value at the field's `source` path in the serializer's context (`stats.outlets`:
    `context["stats"].outlets`); a mapping at the end is keyed by the instance's id."""
    value: Any = field.context
    for name in field.source_attrs:
        value = value[name] if isinstance(value, Mapping) else getattr(value, name)
    return value.get(instance.pk, []) if isinstance(value, Mapping) else value


class ContextIntegerField(serializers.IntegerField):
    def get_attribute(self, instance: Any) -> Any:
        return context_value(self, instance)


class ContextDateTimeField(serializers.DateTimeField):
    def get_attribute(self, instance: Any) -> Any:
        return context_value(self, instance)


class ContextListSerializer(serializers.ListSerializer):
    """A list from the context: the list itself, or a mapping of lists by instance id (a
    page of claims, each with its fragments; an instance absent from it has none)."""

    def get_attribute(self, instance: Any) -> Any:
        return context_value(self, instance)


def from_context(child: serializers.Serializer, **kwargs: Any) -> Any:
    """A read-only list field of `child`s, read from the context at `source` (by default
    the field's name)."""
    return ContextListSerializer(child=child, read_only=True, **kwargs)


class SpeakerKindField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=SpeakerKind.choices, read_only=True, **kwargs)


class QuoteKindField(serializers.ChoiceField):
    """The kind of a direct quote: what `/api/quotes/` serves."""

    def __init__(self, **kwargs: Any) -> None:
        choices = [(kind, label) for kind, label in QuoteKind.choices if kind in DIRECT_KINDS]
        super().__init__(choices=choices, read_only=True, **kwargs)


class StatementKindField(serializers.ChoiceField):
    """Any statement's kind: a direct quote's, or `indirect` for a claim in reported speech."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=QuoteKind.choices, read_only=True, **kwargs)


class NamedEnumExtension(OpenApiSerializerFieldExtension):
    """Speaker.kind and Quote.kind share a field name: give each choice set its own name."""

    enum_name = ""
    values: list[str] = []

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        component = ResolvedComponent(
            name=self.enum_name,
            type=ResolvedComponent.SCHEMA,
            object=self.enum_name,
            schema={"type": "string", "enum": self.values},
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref


class SpeakerKindExtension(NamedEnumExtension):
    target_class = SpeakerKindField
    enum_name = "SpeakerKindEnum"
    values = list(SpeakerKind.values)


class QuoteKindExtension(NamedEnumExtension):
    target_class = QuoteKindField
    enum_name = "QuoteKindEnum"
    values = list(DIRECT_KINDS)


class StatementKindExtension(NamedEnumExtension):
    target_class = StatementKindField
    enum_name = "StatementKindEnum"
    values = list(QuoteKind.values)


class SpeakerRefSerializer(serializers.ModelSerializer):
    kind = SpeakerKindField()

    class Meta:
        model = Speaker
        fields = ["id", "name", "kind", "description", "affiliation"]
        read_only_fields = fields


class SpeakerSerializer(serializers.ModelSerializer):
    kind = SpeakerKindField()

    class Meta:
        model = Speaker
        fields = ["id", "name", "kind", "description", "affiliation", "aliases", "article"]
        read_only_fields = fields
        extra_kwargs = {"article": {"help_text": "Anonymous sources only: their article's id."}}


class OutletCountSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    quote_count = serializers.IntegerField(read_only=True)


class SpeakerDetailSerializer(SpeakerSerializer):
    # context={"stats": selectors.speaker_stats(...)}

    quote_count = ContextIntegerField(source="stats.quote_count", read_only=True)
    first_quoted_at = ContextDateTimeField(
        source="stats.first_quoted_at", read_only=True, allow_null=True
    )
    last_quoted_at = ContextDateTimeField(
        source="stats.last_quoted_at", read_only=True, allow_null=True
    )
    outlets = from_context(OutletCountSerializer(), source="stats.outlets")
    claim_count = ContextIntegerField(
        source="stats.claim_count",
        read_only=True,
        help_text="Claims in reported speech attributed to the speaker (not in quote_count).",
    )

    class Meta(SpeakerSerializer.Meta):
        fields = [
            *SpeakerSerializer.Meta.fields,
            "quote_count",
            "first_quoted_at",
            "last_quoted_at",
            "outlets",
            "claim_count",
        ]
        read_only_fields = fields


class QuoteSerializer(serializers.ModelSerializer):
    kind: serializers.ChoiceField = QuoteKindField()
    speaker = SpeakerRefSerializer(read_only=True, allow_null=True)
    article = ArticleSummarySerializer(read_only=True)
    highlight = serializers.SerializerMethodField(
        help_text="With `q`: an HTML-escaped snippet, matches in <mark>...</mark>; else null."
    )
    rank = serializers.SerializerMethodField(
        help_text="With `q` ordered by relevance: the ts_rank score; else null."
    )

    class Meta:
        model = Quote
        fields = [
            "id",
            "text",
            "speaker",
            "article",
            "start",
            "end",
            "kind",
            "status",
            "confidence",
            "mention",
            "cue",
            "highlight",
            "rank",
        ]
        read_only_fields = fields

    def get_highlight(self, quote: Quote) -> str | None:
        return highlighted(getattr(quote, "headline", None))

    def get_rank(self, quote: Quote) -> float | None:
        return getattr(quote, "rank", None)


# What every full view of a quote shows (a quote inside its article needs no more).
QUOTE_FIELDS = [
    "id", "text", "speaker", "start", "end", "first_sentence", "last_sentence", "kind",
    "status", "confidence", "mention", "mention_start", "mention_end", "cue",
]  # fmt: skip


class QuoteDetailSerializer(serializers.ModelSerializer):
    # context={"sentences": [SentenceText, ...]}: the sentences around the quote

    kind: serializers.ChoiceField = QuoteKindField()
    speaker = SpeakerSerializer(read_only=True, allow_null=True)
    article = ArticleSummarySerializer(read_only=True)
    context = from_context(  # a field named `context`, not Field.context
        SentenceSerializer(),
        source="sentences",
        help_text="The sentences the quote spans, with two sentences either side.",
    )

    class Meta:
        model = Quote
        fields = [*QUOTE_FIELDS, "article", "extractor_version", "context"]
        read_only_fields = fields


class ArticleQuoteSerializer(serializers.ModelSerializer):
    kind: serializers.ChoiceField = QuoteKindField()
    speaker = SpeakerRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Quote
        fields = QUOTE_FIELDS
        read_only_fields = fields


class ArticleClaimSerializer(ArticleQuoteSerializer):
    kind = StatementKindField()


class ArticleDetailSerializer(ArticleSummarySerializer):
    # context={"sentences": ..., "quotes": ..., "claims": ...} (docstrings go to the schema)

    sentences = from_context(SentenceSerializer())
    quotes = from_context(ArticleQuoteSerializer(), help_text="Direct quotes, in text order.")
    claims = from_context(
        ArticleClaimSerializer(),
        help_text="Claims in reported speech (kind indirect), in text order.",
    )

    class Meta(ArticleSummarySerializer.Meta):
        fields = [
            *ArticleSummarySerializer.Meta.fields,
            "body",
            "extractor_version",
            "sentences",
            "quotes",
            "claims",
        ]
        read_only_fields = fields


MAX_TEXT_LENGTH = 500_000  # characters; the request body limit (MAX_REQUEST_BYTES) comes first


class StrictCharField(serializers.CharField):
    """A string, and only a string: DRF's CharField would quietly turn 12 into "12"."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


DATE_FORMATS_HELP = (
    "a day, YYYY-MM-DD (2021-06-15: kept as day-precise), or an ISO 8601 date-time "
    "(2021-06-15T16:42:00+09:00; without a zone, UTC)"
)


@extend_schema_field({"type": "string", "description": DATE_FORMATS_HELP, "nullable": True})
class PublishedAtField(serializers.Field):
    """A day or a date-time, kept as given: a bare day stays a day, not midnight to the minute."""

    default_error_messages = {
        "invalid": f"Not a date: use {DATE_FORMATS_HELP}.",
        "impossible": "{value} is not a real date ({reason}): use " + DATE_FORMATS_HELP + ".",
    }

    def to_internal_value(self, data: Any) -> dt.date | dt.datetime:
        if not isinstance(data, str):
            self.fail("invalid")
        text = data.strip()
        if _DAY_RE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError as error:
                self.fail("impossible", value=text, reason=str(error))
        if not _DATETIME_RE.match(text):
            self.fail("invalid")
        try:
            value = dt.datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError as error:
            self.fail("impossible", value=text, reason=str(error))
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def to_representation(self, value: Any) -> Any:
        return value.isoformat() if value is not None else None


_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


class ArticleIngestSerializer(serializers.Serializer):
    text = StrictCharField(
        trim_whitespace=False,
        min_length=1,
        max_length=MAX_TEXT_LENGTH,
        help_text="The article as a page shows it; cleaned on the way in.",
    )
    url = StrictCharField(required=False, allow_null=True, min_length=1, max_length=4000)
    title = StrictCharField(required=False, allow_null=True, allow_blank=True, max_length=1000)
    outlet = StrictCharField(
        required=False,
        allow_null=True,
        min_length=1,
        max_length=200,
        help_text="The outlet's name.",
    )
    published_at = PublishedAtField(required=False, allow_null=True)
    authors = serializers.ListField(
        child=StrictCharField(max_length=200), required=False, allow_null=True, max_length=100
    )


class ExtractInputSerializer(serializers.Serializer):
    text = StrictCharField(
        trim_whitespace=False,
        min_length=1,
        max_length=MAX_TEXT_LENGTH,
        help_text="Plain text; nothing is stored.",
    )


class ExtractedSpeakerSerializer(serializers.Serializer):
    id = serializers.CharField(
        help_text="The speaker's key: the same for every quote of one speaker."
    )
    name = serializers.CharField()
    kind = serializers.CharField()
    key = serializers.CharField()
    title = serializers.CharField(allow_null=True)
    affiliation = serializers.CharField(allow_null=True)
    description = serializers.CharField(allow_null=True)
    mention = serializers.CharField(allow_null=True)
    mention_start = serializers.IntegerField(allow_null=True)
    mention_end = serializers.IntegerField(allow_null=True)


class ExtractedMentionSerializer(serializers.Serializer):
    text = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class ExtractedQuoteSerializer(serializers.Serializer):
    text = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    first_sentence = serializers.IntegerField()
    last_sentence = serializers.IntegerField()
    kind = serializers.CharField()
    cue = serializers.CharField(allow_null=True)
    confidence = serializers.FloatField()
    rule = serializers.CharField(allow_null=True)
    speaker = ExtractedSpeakerSerializer(allow_null=True)
    mention = ExtractedMentionSerializer(allow_null=True)


class ExtractedSpanSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class ExtractedSentenceSerializer(ExtractedSpanSerializer):
    index = serializers.IntegerField()


class ExtractionSerializer(serializers.Serializer):
    """Documents the shape of `Extraction.to_dict()` (the engine's own serialisation)."""

    version = serializers.CharField()
    sentences = ExtractedSentenceSerializer(many=True)
    quotes = ExtractedQuoteSerializer(many=True)
    scare_quotes = ExtractedSpanSerializer(many=True)
    claims = ExtractedQuoteSerializer(
        many=True, help_text="Claims in reported speech (kind indirect), in text order."
    )


# --- Claims and all statements (GET /api/claims/, GET /api/statements/) ----------------------


class FragmentSerializer(serializers.ModelSerializer):
    kind = QuoteKindField()

    class Meta:
        model = Quote
        fields = ["id", "text", "start", "end", "kind", "status"]
        read_only_fields = fields


FRAGMENTS_HELP = (
    "For a claim: the direct quotes of its article inside its span (a paraphrase around a "
    "quoted fragment), each also at /api/quotes/{id}/. For a quote: []."
)


class StatementSerializer(QuoteSerializer):
    """A quote or a claim in a list: a quote's fields, any kind, and a claim's fragments."""

    # context={"fragments": selectors.claim_fragments(page)}

    kind = StatementKindField()
    quoted_fragments = from_context(
        FragmentSerializer(), source="fragments", help_text=FRAGMENTS_HELP
    )

    class Meta(QuoteSerializer.Meta):
        fields = [*QuoteSerializer.Meta.fields, "quoted_fragments"]
        read_only_fields = fields


class StatementDetailSerializer(QuoteDetailSerializer):
    kind = StatementKindField()
    quoted_fragments = from_context(
        FragmentSerializer(), source="fragments", help_text=FRAGMENTS_HELP
    )

    class Meta(QuoteDetailSerializer.Meta):
        fields = [*QuoteDetailSerializer.Meta.fields, "quoted_fragments"]
        read_only_fields = fields
