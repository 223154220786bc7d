"""A small newsroom for the web tests: two outlets, named and anonymous speakers, hostile text."""

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from quotes.extraction import speaker_key
from quotes.models import Quote, QuoteKind, QuoteStatus, Speaker, SpeakerKind
from sources.models import Article, Outlet

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass
class World:
    herald: Outlet
    wire: Outlet
    wi: Speaker
    baek: Speaker
    official: Speaker
    villain: Speaker
    patience: Quote
    wi_quotes: list[Quote] = field(default_factory=list)
    hostile: Quote | None = None
    articles: list[Article] = field(default_factory=list)


def named(name: str, *, aliases: tuple[str, ...] = (), **fields: Any) -> Speaker:
    keys = [speaker_key(n) for n in (name, *aliases)]
    return Speaker.objects.create(
        name=name,
        kind=fields.pop("kind", SpeakerKind.PERSON),
        key=keys[0],
        aliases=list(aliases),
        search_keys=keys,
        **fields,
    )


def article_with(
    outlet: Outlet, paragraphs: list[str], *, title: str, when: datetime.datetime, url: str
) -> Article:
    body = "\n\n".join(paragraphs)
    return Article.objects.create(
        outlet=outlet,
        title=title,
        url=url,
        authors=["Lee Ji-yoon"],
        published_at=when,
        published_precision="minute",
        body=body,
        raw_text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def quote_in(
    article: Article, text: str, speaker: Speaker | None, *, mention: str, **fields: Any
) -> Quote:
    start = article.body.index(text)
    mention_start = article.body.index(mention, start + len(text))
    return Quote.objects.create(
        article=article,
        speaker=speaker,
        text=text,
        start=start,
        end=start + len(text),
        first_sentence=0,
        last_sentence=0,
        mention=mention,
        mention_start=mention_start,
        mention_end=mention_start + len(mention),
        cue="said",
        kind=fields.pop("kind", QuoteKind.FULL),
        confidence=0.9,
        **fields,
    )


def build_world(*, wi_quote_count: int = 3) -> World:
    herald = Outlet.objects.create(
        name="Seoul Morning Example", domains=["seoulmorning.example"], timezone="Asia/Seoul"
    )
    wire = Outlet.objects.create(name="Global Wire Example", domains=["globalwire.example"])
    wi = named(
        "Wi Seong-rak",
        description="former special representative for Korean Peninsula peace",
        affiliation="Ministry of Foreign Affairs",
    )
    baek = named("Baek Ha-jun", aliases=("President Baek",), description="President")
    villain = named(f"Evil {HOSTILE}", description=f"title {HOSTILE}")

    # 16 March 2021, 01:42 in Seoul = 15 March 2021, 16:42 UTC.
    first = article_with(
        herald,
        [
            "Talks on the peninsula resume",
            "“We will keep a policy of strategic patience with the North,” Wi said on Monday.",
            "“Peace needs dialogue, not pressure,” said Baek Ha-jun, the president.",
            "“We are in the final stages of that review,” a senior official told reporters.",
        ],
        title="Talks on the peninsula resume",
        when=datetime.datetime(2021, 3, 15, 16, 42, tzinfo=datetime.UTC),
        url="https://seoulmorning.example/2021/talks",
    )
    official = Speaker.objects.create(
        name="a senior official",
        kind=SpeakerKind.ANONYMOUS,
        affiliation="Cheong Wa Dae",
        key="anonymous:senior-official",
        search_keys=[],
        article=first,
    )
    patience = quote_in(
        first,
        "We will keep a policy of strategic patience with the North,",
        wi,
        mention="Wi",
        status=QuoteStatus.VERIFIED,
    )
    world = World(herald, wire, wi, baek, official, villain, patience, articles=[first])
    world.wi_quotes.append(patience)
    quote_in(first, "Peace needs dialogue, not pressure,", baek, mention="Baek Ha-jun")
    quote_in(
        first, "We are in the final stages of that review,", official, mention="a senior official"
    )

    for n in range(wi_quote_count):
        day = datetime.datetime(2019, 1, 1, 9, 0, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
        later = article_with(
            wire,
            [f"Briefing number {n}", f"“Sanctions stay in place until round {n} ends,” Wi said."],
            title=f"Briefing number {n}",
            when=day,
            url=f"https://globalwire.example/briefing/{n}",
        )
        world.articles.append(later)
        world.wi_quotes.append(
            quote_in(later, f"Sanctions stay in place until round {n} ends,", wi, mention="Wi")
        )

    hostile_article = article_with(
        wire,
        [f"Headline {HOSTILE}", f"“Attack {HOSTILE} now,” the villain said."],
        title=f"Title {HOSTILE}",
        when=datetime.datetime(2020, 6, 1, 12, 0, tzinfo=datetime.UTC),
        url="https://globalwire.example/hostile",
    )
    world.articles.append(hostile_article)
    world.hostile = quote_in(
        hostile_article, f"Attack {HOSTILE} now,", villain, mention="the villain"
    )
    return world
