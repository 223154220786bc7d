"""factory-boy factories that build valid object graphs for every model."""

import dataclasses
import datetime
import hashlib

import factory
from django.contrib.auth import get_user_model

from quotes.extraction import Extraction, anonymous_key, speaker_key
from quotes.extraction import types as extracted
from quotes.models import Quote, QuoteKind, Speaker, SpeakerKind
from sources.models import Article, Outlet, Sentence

BODY = (
    "“We are in the final stages of that review,” a senior White House official told "
    "reporters.\n\nThe talks will be held next week, said Wi Seong-rak, a former envoy."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()  # keep the password that set_password gave


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Daily Example {n}")
    domains = factory.LazyAttribute(lambda o: [o.name.lower().replace(" ", "") + ".example"])


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Talks resume, round {n}")
    url = factory.Sequence(lambda n: f"https://news.example/articles/{n}")
    authors = factory.LazyFunction(lambda: ["Lee Ji-yoon"])
    published_at = factory.Faker("date_time_this_decade", tzinfo=datetime.UTC)
    published_precision = "minute"
    body = factory.Sequence(lambda n: f"{BODY}\n\nUpdate {n}.")
    raw_text = factory.SelfAttribute("body")
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.body.encode()).hexdigest())


class SentenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sentence

    article = factory.SubFactory(ArticleFactory)
    index = factory.Sequence(int)
    start = 0
    end = 10


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Kim Min-{n}")
    kind = SpeakerKind.PERSON
    # The engine's own key, as ingestion stores it (`Kim Min-0` -> `kim-min-0`).
    key = factory.LazyAttribute(lambda s: speaker_key(s.name))
    search_keys = factory.LazyAttribute(lambda s: [s.key])


class AnonymousSpeakerFactory(SpeakerFactory):
    name = "a senior White House official"  # type: ignore[assignment]
    kind = SpeakerKind.ANONYMOUS
    affiliation = "White House"
    article = factory.SubFactory(ArticleFactory)
    key = factory.LazyAttributeSequence(  # type: ignore[assignment]
        lambda speaker, n: anonymous_key(speaker.affiliation, str(n))
    )


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    start = 1
    end = 43
    text = factory.LazyAttribute(lambda q: q.article.body[q.start : q.end])
    first_sentence = 0
    last_sentence = 0
    mention = "a senior White House official"
    mention_start = 45
    mention_end = 74
    cue = "told"
    kind = QuoteKind.FULL
    confidence = 0.9


CLAIM_TEXT = "The talks will be held next week"


class ClaimFactory(QuoteFactory):
    """A claim in reported speech: the reported clause of BODY, said by Wi Seong-rak."""

    start = factory.LazyAttribute(lambda c: c.article.body.index(CLAIM_TEXT))  # type: ignore[assignment]
    end = factory.LazyAttribute(lambda c: c.start + len(CLAIM_TEXT))  # type: ignore[assignment]
    first_sentence = 1
    last_sentence = 1
    mention = "Wi Seong-rak"
    mention_start = factory.LazyAttribute(lambda c: c.article.body.index("Wi Seong-rak"))  # type: ignore[assignment]
    mention_end = factory.LazyAttribute(lambda c: c.mention_start + len("Wi Seong-rak"))  # type: ignore[assignment]
    cue = "said"
    kind = QuoteKind.INDIRECT
    confidence = 0.7


def claim_record(
    extraction: Extraction,
    text: str,
    *,
    speaker: str = "Baek Ha-jun",
    mention: str = "Baek",
    cue: str = "said",
    confidence: float = 0.7,
) -> extracted.Quote:
    """What the claims engine returns for `text` (found in the extraction's text): an
    extraction record of kind "indirect", its mention the last `mention` before it."""
    body = extraction.text
    start = body.index(text)
    end = start + len(text)
    at = body.rfind(mention, 0, start)
    if at < 0:
        at = body.index(mention, end)
    sentences = [s.index for s in extraction.sentences if s.start < end and start < s.end] or [0]
    return extracted.Quote(
        text=text,
        start=start,
        end=end,
        first_sentence=sentences[0],
        last_sentence=sentences[-1],
        kind="indirect",
        cue=cue,
        confidence=confidence,
        speaker=extracted.Speaker(name=speaker, kind="person", key=speaker_key(speaker)),
        mention=extracted.Mention(text=mention, start=at, end=at + len(mention)),
        rule="test_reported_speech",
    )


def with_claims(extraction: Extraction, *claims: extracted.Quote) -> Extraction:
    return dataclasses.replace(extraction, claims=tuple(claims))
