"""read_metadata: the seed pages end to end, then tables for dates, outlets, authors and titles."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.cleaning import clean_text
from sources.metadata import DEFAULT_OUTLETS, ArticleMetadata, OutletInfo, read_metadata

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
KST = timezone(timedelta(hours=9))


def seed_metadata(prefix: str) -> ArticleMetadata:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_metadata(path.read_text(encoding="utf-8"), outlets=DEFAULT_OUTLETS)


def metadata(raw: str) -> ArticleMetadata:
    return read_metadata(raw, outlets=DEFAULT_OUTLETS)


# --- the seeds, end to end ---------------------------------------------------------------------

SEED_EXPECTATIONS = [
    (
        "000",
        ArticleMetadata(
            title="Moon’s push for peace talks gains momentum",
            outlet="The Korea Herald",
            authors=("Lee Ji-yoon",),
            published_at=datetime(2021, 3, 11, 14, 30, tzinfo=SEOUL),
            published_precision="minute",
        ),
    ),
    (
        "001",
        ArticleMetadata(
            title="South's Moon Hopes to Restart N. Korean Diplomacy with Biden",
            outlet="Asharq Al-Awsat",
            authors=(),
            published_at=datetime(2021, 5, 10, 7, 45, tzinfo=LONDON),
            published_precision="minute",
        ),
    ),
    (
        "002",
        ArticleMetadata(
            title="S. Korea, US, Japan to hold high-level talks next week",
            outlet="The Korea Herald",
            authors=("Lee Ji-yoon",),
            published_at=datetime(2021, 3, 24, 15, 7, tzinfo=SEOUL),
            published_precision="minute",
        ),
    ),
    (
        "003",
        ArticleMetadata(
            title="Seoul tasked with complex challenges ahead of visit of US diplomatic,"
            " defense policy chiefs",
            outlet="The Korea Times",
            authors=("Do Je-hae",),
            published_at=None,
            published_precision=None,
        ),
    ),
    (
        "004",
        ArticleMetadata(
            title="N. Korea unresponsive to US contact efforts",
            outlet="The Hankyoreh",
            authors=("Hwang Joon-bum",),
            published_at=datetime(2021, 3, 15, 16, 42, tzinfo=KST),
            published_precision="minute",
        ),
    ),
]


@pytest.mark.parametrize(("seed", "expected"), SEED_EXPECTATIONS)
def test_seed_metadata(seed: str, expected: ArticleMetadata) -> None:
    assert seed_metadata(seed) == expected


def test_seed_times_keep_their_zone() -> None:
    published = seed_metadata("001").published_at

    assert published is not None
    assert published.utcoffset() == timedelta(hours=1)  # London summer time on 10 May


# --- dates -------------------------------------------------------------------------------------

DATE_FORMS = [
    ("Published : March 11, 2021 - 14:30", datetime(2021, 3, 11, 14, 30, tzinfo=UTC), "minute"),
    ("Monday, 10 May, 2021 - 07:45", datetime(2021, 5, 10, 7, 45, tzinfo=UTC), "minute"),
    (
        "Posted on : 2021-03-15 16:42 KST Modified on : 2021-03-16 09:00 KST",
        datetime(2021, 3, 15, 16, 42, tzinfo=KST),
        "minute",
    ),
    (
        "Updated : 2021-03-16 09:00 Published : 2021-03-15 08:00",
        datetime(2021, 3, 15, 8, 0, tzinfo=UTC),
        "minute",
    ),
    ("2021-03-11T14:30:00+09:00", datetime(2021, 3, 11, 14, 30, tzinfo=KST), "minute"),
    ("2021-03-11T05:30:00Z", datetime(2021, 3, 11, 5, 30, tzinfo=UTC), "minute"),
    ("March 11, 2021", datetime(2021, 3, 11, tzinfo=UTC), "day"),
    ("11 March 2021", datetime(2021, 3, 11, tzinfo=UTC), "day"),
    (
        "Published 4:30 p.m. EST, March 11, 2021",
        datetime(2021, 3, 11, 16, 30, tzinfo=timezone(timedelta(hours=-5))),
        "minute",
    ),
    (
        "Updated Mar. 11, 2021 12:15 AM ET",
        datetime(2021, 3, 11, 0, 15, tzinfo=ZoneInfo("America/New_York")),
        "minute",
    ),
    (
        "March 11, 2021 14:30 GMT",
        datetime(2021, 3, 11, 14, 30, tzinfo=UTC),
        "minute",
    ),
    ("By Anna Smith | March 11, 2021", datetime(2021, 3, 11, tzinfo=UTC), "day"),
]


@pytest.mark.parametrize(("dateline", "expected", "precision"), DATE_FORMS)
def test_date_forms(dateline: str, expected: datetime, precision: str) -> None:
    result = metadata(f"A headline\n\n{dateline}\n\nThe story, told in one paragraph.")

    assert result.published_at == expected
    assert result.published_precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "A headline\n\nPublished : February 30, 2021 - 14:30\n\nThe story.",
        "A headline\n\n2021-13-01\n\nThe story.",
        "A headline\n\nPublished : March 11, 2021 - 25:10\n\nThe story.",
        "A headline\n\nPublished 13:10 p.m., March 11, 2021\n\nThe story.",
        "A headline\n\nThe story, with no date at all.",
        "A headline\n\nOn March 3, 2021 the ministers met. AP-Yonhap\n\nThe story.",
        "Officials will meet in Seoul on March 17 and 18, 2021, the ministry said on Thursday.",
        "",
    ],
)
def test_no_date_when_the_page_has_no_valid_dateline(text: str) -> None:
    result = metadata(text)

    assert result.published_at is None
    assert result.published_precision is None


def test_date_without_zone_uses_the_outlet_zone_and_day_precision() -> None:
    result = metadata("The Korea Herald\n\nHeadline\n\nMarch 11, 2021\n\nStory.")

    assert result.published_at == datetime(2021, 3, 11, tzinfo=SEOUL)
    assert result.published_precision == "day"


def test_unknown_outlet_zone_falls_back_to_utc() -> None:
    outlets = [OutletInfo("Typo Times", ("typo.example",), timezone="Mars/Olympus")]
    result = read_metadata("Headline\n\nMarch 11, 2021 - 14:30\n\nx@typo.example", outlets=outlets)

    assert result.outlet == "Typo Times"
    assert result.published_at == datetime(2021, 3, 11, 14, 30, tzinfo=UTC)


# --- outlets -----------------------------------------------------------------------------------

OUTLET_CASES = [
    ("By Lee Ji-yoon (jylee@heraldcorp.com)", "The Korea Herald"),
    ("Do Je-hae jhdo@koreatimes.co.kr", "The Korea Times"),
    ("Please direct comments or questions to [english@hani.co.kr]", "The Hankyoreh"),
    ("Kim Min-ji kimmj@news.koreaherald.com", "The Korea Herald"),
    ("https://english.aawsat.com/home/article/123", "Asharq Al-Awsat"),
    ("Contact: someone@unknown-paper.example", None),
    ("© The Korea Times. All rights reserved", "The Korea Times"),
]


@pytest.mark.parametrize(("footer", "outlet"), OUTLET_CASES)
def test_outlet_from_footers_and_domains(footer: str, outlet: str | None) -> None:
    raw = (
        f"A headline\n\nA story paragraph long enough to read like the story, he said.\n\n{footer}"
    )

    assert metadata(raw).outlet == outlet


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [
        ("The Korea Herald", "The Korea Herald"),
        ("KOREA TIMES", "The Korea Times"),
        ("Asharq Al-awsat English | Latest News", "Asharq Al-Awsat"),
        ("The Associated Press", "The Associated Press"),
        ("Some Unknown Gazette", None),
    ],
)
def test_outlet_from_masthead_alias(masthead: str, outlet: str | None) -> None:
    raw = f"{masthead}\n\nA headline\n\nA story paragraph long enough to read like the story here."

    assert metadata(raw).outlet == outlet


def test_outlet_names_in_the_story_or_captions_do_not_count() -> None:
    raw = (
        "A headline\n\nLeaders meet in Seoul, March 1. (AP/Yonhap News)\n\n"
        "The official told Reuters that the talks would resume next week, he said."
    )

    assert metadata(raw).outlet is None


def test_headline_naming_an_outlet_is_not_a_masthead() -> None:
    raw = "Reuters poll shows Moon ahead\n\nThe poll, taken last week, shows a clear lead for Moon."

    assert metadata(raw).outlet is None


def test_registry_passed_in_is_the_only_one_used() -> None:
    outlets = [OutletInfo("Daily NK", ("dailynk.com",), ("Daily NK",), "Asia/Seoul")]

    assert read_metadata("Daily NK\n\nHeadline", outlets=outlets).outlet == "Daily NK"
    assert read_metadata("The Korea Herald\n\nHeadline", outlets=outlets).outlet is None


# --- authors -----------------------------------------------------------------------------------

AUTHOR_CASES = [
    ("By Lee Ji-yoon", ("Lee Ji-yoon",)),
    ("By Hwang Joon-bum, Washington correspondent", ("Hwang Joon-bum",)),
    ("By Anna Smith and John Doe", ("Anna Smith", "John Doe")),
    ("By Anna Smith, John Doe and Kim Min-ji", ("Anna Smith", "John Doe", "Kim Min-ji")),
    ("By John Smith, Associated Press", ("John Smith",)),
    ("Reporting by Hyonhee Shin; Editing by Michael Perry", ("Hyonhee Shin",)),
    ("Do Je-hae jhdo@koreatimes.co.kr", ("Do Je-hae",)),
    ("Jeon Heon-Kyun/Pool via REUTERS", ()),
    ("Photo by Kim Min-ji", ()),
    ("By Tuesday, the talks had collapsed.", ()),
]


@pytest.mark.parametrize(("byline", "authors"), AUTHOR_CASES)
def test_authors_from_bylines(byline: str, authors: tuple[str, ...]) -> None:
    assert metadata(f"A headline\n\n{byline}\n\nThe story.").authors == authors


def test_authors_are_deduplicated_in_order() -> None:
    raw = "Headline\n\nBy Lee Ji-yoon\n\nStory.\n\nBy Anna Smith\n\nBy Lee Ji-yoon (jylee@x.com)"

    assert metadata(raw).authors == ("Lee Ji-yoon", "Anna Smith")


# --- titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("[Interview] Minister on talks\n\nStory.", "Minister on talks"),
        ("(LEAD) N. Korea fires missile\n\nStory.", "N. Korea fires missile"),
        ("Talks resume | Reuters\n\nStory.", "Talks resume"),
        ("Settings\n\nⓕ font-size\n\nTalks resume\n\nTalks resume\n\nStory.", "Talks resume"),
        ("Stealth Over Wealth: Quist Was Headed to Court.\n\nThe story.", None),
    ],
)
def test_title_forms(raw: str, title: str | None) -> None:
    expected = title if title is not None else raw.split("\n")[0]

    assert metadata(raw).title == expected


def test_no_title_when_the_page_starts_with_the_story() -> None:
    raw = " ".join(["The talks resumed on Monday after a long pause in Geneva."] * 4)

    assert metadata(raw).title is None


def test_empty_page_gives_empty_metadata() -> None:
    assert metadata("") == ArticleMetadata(None, None, (), None, None)


# --- properties --------------------------------------------------------------------------------

page_lines = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [row[0] for row in DATE_FORMS]
            + [row[0] for row in AUTHOR_CASES]
            + [row[0] for row in OUTLET_CASES]
            + ["Published : February 29, 2021 - 24:60", "Posted on : 9999-12-31 23:59 KST", ""]
        ),
    ),
    max_size=15,
)


@settings(max_examples=150, deadline=None)
@given(page_lines)
def test_read_metadata_never_raises_on_page_like_text(lines: list[str]) -> None:
    result = metadata("\n".join(lines))

    assert (result.published_at is None) == (result.published_precision is None)
    assert result.published_at is None or result.published_at.tzinfo is not None


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_read_metadata_never_raises_on_any_text(raw: str) -> None:
    assert isinstance(metadata(raw), ArticleMetadata)


def test_a_body_cleaned_beforehand_gives_the_same_metadata():
    names = [name for outlet in DEFAULT_OUTLETS for name in (outlet.name, *outlet.aliases)]
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        body = clean_text(raw, mastheads=names)
        assert read_metadata(raw, outlets=DEFAULT_OUTLETS, body=body) == read_metadata(
            raw, outlets=DEFAULT_OUTLETS
        )
