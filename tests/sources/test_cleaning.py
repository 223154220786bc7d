"""clean_text: the seed pages end to end, a golden table per boilerplate rule, and properties."""

# ruff: noqa: E501  (golden paragraphs are quoted from the seed pages as they are)

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.cleaning import (
    clean_text,
    is_byline,
    is_caption,
    is_contact_line,
    is_dateline,
    is_masthead,
    is_widget,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_body(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean_text(path.read_text(encoding="utf-8"))


def paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


# --- the seeds, end to end ---------------------------------------------------------------------

SEED_FIRST_PARAGRAPHS = [
    ("000", "Moon’s push for peace talks gains momentum"),
    ("001", "South's Moon Hopes to Restart N. Korean Diplomacy with Biden"),
    ("002", "S. Korea, US, Japan to hold high-level talks next week"),
    (
        "003",
        "Seoul tasked with complex challenges ahead of visit of US diplomatic, defense policy chiefs",
    ),
    ("004", "[News analysis] N. Korea unresponsive to US contact efforts"),
]


@pytest.mark.parametrize(("seed", "headline"), SEED_FIRST_PARAGRAPHS)
def test_headline_is_the_first_paragraph_once(seed: str, headline: str) -> None:
    body = paragraphs(seed_body(seed))

    assert body[0] == headline
    assert body.count(headline) == 1


SEED_STORY_PARAGRAPHS = [
    (
        "000",
        [
            "President Moon Jae-in’s push to revive denuclearization talks is expected to gain fresh"
            " momentum as he plans to hold in-person talks with senior US officials next week to"
            " discuss pending issues, including Washington’s ongoing policy review on North Korea.",
            "“The two-plus-two meeting has a symbolic meaning for a stronger Korea-US alliance, adding"
            " speed to Moon’s push for the Korea peace process,” said Shin Beom-chul, director of the"
            " Center for Diplomacy and Security at the Korea Research Institute for National"
            " Strategy.",
            "“It won’t take too much time for Washington to come up with a new North Korea policy,” a"
            " Cheong Wa Dae official said on the condition of anonymity. “We have also delivered our"
            " opinions on possible solutions or the timing that could be reflected in the new"
            " policy.”",
            "Shin, the analyst, added that even after the final policy comes out, fine tuning details"
            " will continue to come up with a joint strategy between the two countries, saying “Korea"
            " and the US still need to adjust their different stances on some tricky issues like"
            " sanctions relief for North Korea.”",
            "The so-called “two-plus-two” meeting of the defense and foreign ministers of the two"
            " countries is being revived for the first time in almost five years, since the gathering"
            " was suspended under Trump administration’s “America First” policy.",
            "Biden has already held virtual summits with his Canadian and Mexican counterparts, while"
            " Japanese Prime Minister Yoshihide Suga is said to be seeking an in-person summit with"
            " the US president in April in Washington.",
        ],
    ),
    (
        "001",
        [
            "South Korea’s leader said Monday he’ll use his upcoming summit with President Joe Biden"
            " to push to restart diplomacy with North Korea, saying that the US has opted for a"
            " diplomatic, phased approach to resolve the North Korean nuclear crisis.",
            "Moon said Biden's North Korea policy aims to achieve “the Korean Peninsula’s complete"
            " denuclearization through diplomacy with a flexible, gradual and practical approach.”",
            "“I will not be pressed by time or become impatient during the remainder of my term."
            " However, if there is an opportunity to restart the clock of peace and advance the peace"
            " process on the Korean Peninsula, I will do everything I can,” Moon said.",
            '“I look forward to North Korea responding positively."',
        ],
    ),
    (
        "002",
        [
            "“We are in the final stages of that review, and next week we plan to host the national"
            " security advisers of Japan and the Republic of Korea to discuss the outcomes and other"
            " issues,” a senior White House official told reporters, referring to South Korea by its"
            " official name.",
            "“This is the first time that we will have convened the trilat (trilateral talks) at this"
            " level. And these will be among the most senior foreign officials to visit Washington"
            " since the start of the Biden administration.”",
            "“You’ve got more tensions between Japan and South Korea, and of course, US-China"
            " relations are heading into a complex period,” another senior US official said during"
            " the teleconference.",
            "“All of those reasons underscore why the United States engaging effectively, with"
            " respect to the North Korean challenge, is so important as we go forward.”",
            "Seoul’s Cheong Wa Dae has not yet confirmed the trilateral meeting.",
        ],
    ),
    (
        "003",
        [
            "Korea and the U.S. are coordinating a visit to Seoul by U.S. diplomatic and defense"
            " policy chiefs, according to Cheong Wa Dae, Thursday.",
            "Sung Kim, acting assistant secretary of state for East Asian and Pacific Affairs, has"
            ' underlined the importance of trilateral cooperation. "The Biden-Harris administration'
            " is committed to strengthening America's relationship, not only with our allies, but"
            ' also the relationships among them," Kim said during a recent webinar organized by the'
            ' Center for Strategic and International Studies. "None are more important than Japan'
            ' and the Republic of Korea," he added, referring to South Korea by its official name.',
            "\"Moon needs to get to the substance of Biden's North Korea strategy. What he may find"
            " is that Biden may not even have one beyond his formulation in the Obama years ―"
            ' denuclearization first, talks and sanctions relief later," said Harry J. Kazianis,'
            ' senior director of Korean Studies at the Center for the National Interest. "If that is'
            " the case, as Biden has very little bandwidth for anything else, Moon might be quite"
            " disappointed. But he should also warn Biden that North Korea is likely to try and start"
            " a crisis heading into the summer if Washington does not want to engage ― as Kim has"
            ' done countless times before."',
        ],
    ),
    (
        "004",
        [
            "The US plans to finalize its North Korea policy review in the coming weeks",
            "“We are working expeditiously and I think maybe in the coming weeks we'll be able to"
            " complete the review,” Kim said.",
            "Wi sees things somewhat differently. “The chief objective of [Blinken and Austin’s]"
            " visit to South Korea and Japan is countering China,” rather than coordinating North"
            " Korea policy, Wi said.",
            "“The conditions are too poor and there’s not enough time for the current administration"
            " to get results [in North Korean nuclear talks] before [President Moon Jae-in] leaves"
            " office. Rather than pushing the US to adopt our own positions, I hope we’ll offer a"
            " more pragmatic and realistic alternative.”",
        ],
    ),
]


@pytest.mark.parametrize(("seed", "expected"), SEED_STORY_PARAGRAPHS)
def test_seed_story_paragraphs_are_kept_verbatim(seed: str, expected: list[str]) -> None:
    body = paragraphs(seed_body(seed))

    for paragraph in expected:
        assert paragraph in body


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_quote_paragraph_of_a_seed_survives_in_order(seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    raw_quotes = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if any(mark in line for mark in '“"') and len(line.split()) > 8
    ]
    body = paragraphs(seed_body(seed))

    assert [p for p in body if p in raw_quotes] == raw_quotes


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_story_paragraph_count_matches_the_page(seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    long_lines = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 12 and line.strip().endswith((".", "”", '"', ".\u00a0"))
    ]
    body = seed_body(seed)

    assert all(line.rstrip() in body for line in long_lines)


SEED_BOILERPLATE = [
    ("000", ["The Korea Herald", "소아쌤", "By Lee Ji-yoon", "Published :", "Link copied"]),
    ("000", ["(Cheong Wa Dae)", "jylee@heraldcorp.com"]),
    ("001", ["Asharq Al-awsat", "Monday, 10 May", "Jeon Heon-Kyun", "Editor Picks"]),
    ("002", ["지나쌤", "(Yonhap)", "Published :", "heraldcorp"]),
    ("003", ["Settings", "font-size", "share button", "AP-Yonhap", "By Do Je-hae"]),
    ("003", ["jhdo@", "CLOSE", "Top 10 Stories", "go top", "\nX\n", "+2", "-1"]),
    ("004", ["Posted on", "Modified on", "(AP/Yonhap News)", "Washington correspondent"]),
    ("004", ["Please direct comments", "button that move", "Related stories", "Most viewed"]),
]


@pytest.mark.parametrize(("seed", "fragments"), SEED_BOILERPLATE)
def test_seed_boilerplate_is_gone(seed: str, fragments: list[str]) -> None:
    body = "\n" + seed_body(seed) + "\n"

    for fragment in fragments:
        assert fragment not in body


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_body_shape(seed: str) -> None:
    body = seed_body(seed)

    assert "\n\n\n" not in body
    assert body == body.strip()
    assert all(line == line.strip() and line for line in body.split("\n\n"))


# --- golden tables per rule --------------------------------------------------------------------

WIDGETS = [
    "• Facebook share button",
    "  • Kakao share button",
    "Share on WhatsApp",
    "Settings",
    "ⓕ font-size",
    "• -2",
    "• +1",
    "    • Link copied",
    "Editor Picks",
    "Editors’ Picks",
    "Top 10 Stories",
    "Related stories",
    "Related Articles",
    "Most viewed articles",
    "Most Read",
    "X",
    "CLOSE",
    "go top LETTER",
    "Back to top",
    "Advertisement",
    "5 min read",
    "Updated 3 hours ago",
    "button that move to original korean article (한국어 원문으로 이동하는 버튼)",
]
NOT_WIDGETS = [
    "Share prices fell 3 percent on Tuesday.",
    "Shares of Hanbit Steel closed higher",
    "Moon’s push for peace talks gains momentum",
    "He declined to comment.",
    "Close.",
    "Related talks stalled.",
    "The nuclear button",
    "Top officials met in Seoul",
]


@pytest.mark.parametrize("line", WIDGETS)
def test_widget_lines_are_recognised(line: str) -> None:
    assert is_widget(line.strip())


@pytest.mark.parametrize("line", NOT_WIDGETS)
def test_story_lines_are_not_widgets(line: str) -> None:
    assert not is_widget(line)


CAPTIONS = [
    "Secretary of State Antony Blinken speaks on foreign policy at the State Department,"
    " Wednesday, March 3, 2021 in Washington. AP-Yonhap",
    "South Korean President Moon Jae-in speaks during a news conference in Seoul, January 18,"
    " 2021. Jeon Heon-Kyun/Pool via REUTERS",
    "US Secretary of State Antony Blinken sits in on a virtual meeting on March 1. (AP/Yonhap News)",
    "(Yonhap) (Yonhap)",
    "President Moon Jae-in (Cheong Wa Dae) President Moon Jae-in (Cheong Wa Dae)",
    "Protesters march in central Seoul on Saturday. [YONHAP]",
    "Prime Minister Yoshihide Suga arrives in Tokyo. Getty Images",
    "Lee Jae-myung visits a market in Seoul. (Photo by Kim Min-ji)",
    "AP-Yonhap",
]
NOT_CAPTIONS = [
    "The leaders had already agreed to hold a face-to-face meeting as soon as possible.",
    "The official spoke to Reuters",
    "That’s an expanded version of the Quadrilateral Security Dialogue, or Quad (Quad)",
    "North Korea is a priority, the AP reported.",
    "Seoul will respond firmly to any provocation, the ministry said on Monday. (Yonhap)",
]


@pytest.mark.parametrize("line", CAPTIONS)
def test_photo_captions_are_recognised(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize("line", NOT_CAPTIONS)
def test_story_lines_are_not_captions(line: str) -> None:
    assert not is_caption(line)


BYLINES = [
    "By Lee Ji-yoon",
    "By Do Je-hae",
    "By Hwang Joon-bum, Washington correspondent",
    "By Lee Ji-yoon (jylee@heraldcorp.com)",
    "By Anna Smith and John Doe",
    "BY KIM TONG-HYUNG",
    "Reporting by Hyonhee Shin; Editing by Michael Perry",
]
NOT_BYLINES = [
    "By contrast, the North stayed silent.",
    "By Tuesday, the talks had collapsed.",
    "By then officials had left",
    "Bylines are printed under headlines",
]


@pytest.mark.parametrize("line", BYLINES)
def test_bylines_are_recognised(line: str) -> None:
    assert is_byline(line)


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert not is_byline(line)


DATELINES = [
    "Published : March 11, 2021 - 14:30",
    "Monday, 10 May, 2021 - 07:45",
    "Posted on : 2021-03-15 16:42 KST Modified on : 2021-03-15 16:42 KST",
    "Updated Mar. 11, 2021 4:30 p.m. ET",
    "2021-03-11T14:30:00+09:00",
    "11 March 2021",
]
NOT_DATELINES = [
    "On Wednesday, March 17, the ministers will meet in Seoul.",
    "Secretary of Defense Lloyd Austin speaks in Washington, Feb. 19, 2021. AP-Yonhap",
    "The summit is set for May 21.",
    "2021",
]


@pytest.mark.parametrize("line", DATELINES)
def test_datelines_are_recognised(line: str) -> None:
    assert is_dateline(line)


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_story_dates_are_not_datelines(line: str) -> None:
    assert not is_dateline(line)


CONTACT_LINES = [
    "Do Je-hae jhdo@koreatimes.co.kr",
    "Please direct comments or questions to [english@hani.co.kr]",
    "© The Korea Herald. All rights reserved",
    "Contact the author at [email protected]",
]
NOT_CONTACT_LINES = [
    "Investigators said the hackers sent phishing messages from admin@example.com to hundreds of"
    " ministry staff over several weeks in February.",
    "Copyright law was the issue at hand, the court said in its ruling on Friday, citing earlier"
    " cases.",
]


@pytest.mark.parametrize("line", CONTACT_LINES)
def test_author_and_copyright_footers_are_recognised(line: str) -> None:
    assert is_contact_line(line)


@pytest.mark.parametrize("line", NOT_CONTACT_LINES)
def test_long_story_lines_with_an_address_are_not_footers(line: str) -> None:
    assert not is_contact_line(line)


@pytest.mark.parametrize(
    ("line", "mastheads", "expected"),
    [
        ("The Korea Herald", (), True),
        ("The New York Times", (), True),
        (
            "Asharq Al-awsat English Middle-east and International News and Opinion from Asharq"
            " Al-awsat Newspaper",
            (),
            True,
        ),
        ("The Hankyoreh", (), True),
        ("HANKYOREH", ("hankyoreh",), True),
        ("Hanrahan Returns to Fake News", (), False),
        ("Moon’s push for peace talks gains momentum", (), False),
    ],
)
def test_masthead_lines(line: str, mastheads: tuple[str, ...], expected: bool) -> None:
    assert is_masthead(line, mastheads=frozenset(mastheads)) is expected


def test_masthead_shape_only_counts_in_the_page_header() -> None:
    assert not is_masthead("The Korea Herald", in_header=False)
    assert is_masthead("The Korea Herald", mastheads=frozenset({"korea herald"}), in_header=False)


def test_registry_mastheads_are_dropped_from_the_body() -> None:
    raw = "Hankyoreh\n\nTitle of the piece\n\nA story paragraph that says something, he said."

    assert clean_text(raw, mastheads=["The Hankyoreh", "Hankyoreh"]) == (
        "Title of the piece\n\nA story paragraph that says something, he said."
    )


# --- context rules -----------------------------------------------------------------------------


def test_headline_repeated_in_a_row_is_kept_once() -> None:
    raw = "Talks resume in Geneva\n\nTalks resume in Geneva\n\nThe talks resumed on Monday."

    assert clean_text(raw) == "Talks resume in Geneva\n\nThe talks resumed on Monday."


def test_caption_printed_twice_in_a_row_is_dropped_entirely() -> None:
    caption = "Foreign Minister Chung Eui-yong speaks at a briefing in Seoul on Monday."
    raw = f"Headline\n{caption}\n{caption}\n\nThe minister said nothing new."

    assert clean_text(raw) == "Headline\n\nThe minister said nothing new."


def test_story_paragraph_repeated_in_a_row_keeps_one_copy() -> None:
    paragraph = "The ministry declined to confirm the report on Tuesday."

    assert clean_text(f"{paragraph}\n\n{paragraph}") == paragraph


def test_quote_with_speech_verb_is_never_dropped() -> None:
    line = "“Share,” he said."

    assert clean_text(f"Headline\n\n{line}") == f"Headline\n\n{line}"


def test_short_story_paragraph_containing_share_is_kept() -> None:
    raw = "Markets rally\n\nShare prices rose.\n\nShare\n\nInvestors cheered."

    assert clean_text(raw) == "Markets rally\n\nShare prices rose.\n\nInvestors cheered."


def test_teaser_headlines_after_a_related_section_are_dropped() -> None:
    raw = (
        "The talks ended without a deal, officials said on Friday evening in Hanoi.\n\n"
        "Related stories\n\nN. Korea fires missiles\n\nBiden names envoy"
    )

    assert clean_text(raw) == (
        "The talks ended without a deal, officials said on Friday evening in Hanoi."
    )


def test_stray_foreign_line_dropped_only_on_an_english_page() -> None:
    english = "Headline\n\n소아쌤\n\nThe ministry said the talks would resume next week."
    korean = "외교부 발표\n\n소아쌤\n\n외교부는 다음 주 회담이 재개될 것이라고 밝혔다."

    assert "소아쌤" not in clean_text(english)
    assert clean_text(korean) == korean


def test_byline_and_date_on_one_line_are_dropped() -> None:
    raw = "Headline\n\nBy Anna Smith | March 11, 2021\n\nThe story starts here."

    assert clean_text(raw) == "Headline\n\nThe story starts here."


# --- whitespace and clean input ----------------------------------------------------------------


def test_clean_input_comes_through_unchanged() -> None:
    text = (
        "Quist on Flood Costs: The Numbers Are 'Alarming.'\n\n"
        "Senator Mara Quist said on Thursday that the numbers were “alarming.”\n"
        "“We have to act,” he said.\n\n"
        "Short line\n\n"
        "The end."
    )

    assert clean_text(text) == text


def test_line_endings_control_characters_and_trailing_spaces_are_normalised() -> None:
    raw = "Head\x00line \r\n\r\n\r\n\tFirst paragraph.\u00a0\r\nSame paragraph.\x07\r\n\r\nLast."

    assert clean_text(raw) == "Headline\n\nFirst paragraph.\nSame paragraph.\n\nLast."


def test_empty_and_blank_input_give_an_empty_body() -> None:
    assert clean_text("") == ""
    assert clean_text(" \n\r\n\t ") == ""


# --- properties --------------------------------------------------------------------------------

page_lines = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(WIDGETS + CAPTIONS + BYLINES + DATELINES + NOT_WIDGETS + [""] * 4),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(page_lines)
def test_clean_text_is_idempotent_and_never_raises(lines: list[str]) -> None:
    once = clean_text("\n".join(lines))

    assert clean_text(once) == once


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_clean_text_is_idempotent_on_any_text(raw: str) -> None:
    once = clean_text(raw)

    assert clean_text(once) == once
    assert "\r" not in once
    assert "\x00" not in once
