"""The speaker scorer (speakers.py) and its training (training.py), on made-up sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.extraction import extract, quote_contexts
from quotes.extraction.attribute import attribute
from quotes.extraction.speakers import (
    CLAUSE_SUBJECT,
    LAST_CUE,
    LATER_CUE,
    PREVIOUS_QUOTE,
    PREVIOUS_SENTENCE,
    SENTENCE_SUBJECT,
    WEIGHTS_PATH,
    Weights,
    candidates,
    choose,
    is_open,
    shipped_weights,
    weights_from_json,
    weights_to_json,
)
from quotes.extraction.training import THRESHOLDS, command_train_speakers, decisions_of

OPENER = "The council met on Monday.\n\n"
THEATRE = "“keep the small theatre on Elm Street open for another winter.”"


def speaker_of_last_quote(text: str) -> str | None:
    quote = extract(text).quotes[-1]
    return quote.mention.text if quote.mention else None


def test_shipped_weights_load_and_round_trip() -> None:
    weights = shipped_weights()
    assert weights.threshold in THRESHOLDS
    assert "bias" in weights.weights
    assert "sieve_choice" in weights.weights
    assert weights_to_json(weights_from_json(WEIGHTS_PATH.read_text(encoding="utf-8"))) == (
        WEIGHTS_PATH.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # no speech verb the sieve can read: the clause's subject speaks
        (OPENER + f"Mara Quist pondered who, without the grant, might {THEATRE}", "Mara Quist"),
        # a thing that cannot speak is no candidate
        (OPENER + f"The leaflet pondered who, without the grant, might {THEATRE}", None),
        # a condition states nothing
        (OPENER + f"Had Mara Quist known who, without the grant, might {THEATRE}", None),
    ],
)
def test_scorer_gives_the_clause_subject_only_where_it_can_speak(
    text: str, mention: str | None
) -> None:
    assert speaker_of_last_quote(text) == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the outer subject sits in a subordinate clause: the verb nearest the quote speaks
        (
            "Some in the hall booed, and when Ivo Brandt thanked the council and said the "
            "harbour would stay open, Park Ji-hoon yelled “Keep your promises this time!”",
            "Park Ji-hoon",
        ),
        # reported speech nests: the outermost source speaks
        (
            "Mara Quist said that the mayor once described the ferry as “the lifeline of every "
            "family on the island.”",
            "Mara Quist",
        ),
    ],
)
def test_scorer_weighs_the_nearest_cue_against_the_outermost(text: str, mention: str) -> None:
    assert speaker_of_last_quote(text) == mention


@pytest.mark.parametrize(
    ("quoted", "speaker"),
    [
        # A title with a subtitle names a work: nobody said it.
        ("Harbor Nights: A Story of the Docks", None),
        # Words with a colon that are not title-cased stay the previous paragraph's speaker's.
        ("The docks are quiet: we are tired and the boats are late", "Mara Quist"),
    ],
)
def test_scorer_gives_no_speaker_to_the_title_of_a_work(quoted: str, speaker: str | None) -> None:
    text = f"Mara Quist spent the winter in Lisbon.\n\n“{quoted}” came out in May."
    (quote,) = extract(text).quotes
    assert quote.text == quoted
    assert (quote.speaker and quote.speaker.name) == speaker


def proposed(text: str) -> dict[str, str]:
    ctx = quote_contexts(OPENER + text, evidence=False)[-1]
    return {c.source: c.attribution.mention_text for c in candidates(ctx, attribute(ctx))}


@pytest.mark.parametrize(
    ("text", "source", "mention"),
    [
        # a speech verb later in the sentence that the sieve's rules cannot read
        (
            "“We have had far better years than this one” on the pier, with the boats idle, "
            "Ivo Brandt said to the fishermen who had gathered by the gate.",
            LATER_CUE,
            "Ivo Brandt",
        ),
        # negative: the one cited as saying speaks, not the one who cites
        (
            "“We have had far better years than this one” on the pier, with the boats idle, "
            "Ivo Brandt cited the mayor as saying.",
            LATER_CUE,
            None,
        ),
        # the sentence's subject, read over an earlier quote that cut the window
        (
            "Lena Voss, star of the series “Harbor Nights,” thanked the council for “keeping "
            "the old ferry and its crews afloat.”",
            SENTENCE_SUBJECT,
            "Lena Voss",
        ),
        # negative: a thing that cannot speak
        (
            "The leaflet, titled “Harbor Nights,” urged the council to “keep the ferry running "
            "all winter long.”",
            SENTENCE_SUBJECT,
            None,
        ),
        # the subject of the finite verb nearest the quote, past a noun in -s (`words`)
        (
            "The hall stayed silent while Ivo Brandt reserved his warmest words for “the crews "
            "who kept the ferry running.”",
            LAST_CUE,
            "Ivo Brandt",
        ),
        # negative: a proper adjective is no speaker (`Harborese newspapers`, not `Harborese`)
        (
            "The hall stayed silent while Harborese newspapers reserved their front pages for "
            "“the crews who kept the ferry running.”",
            LAST_CUE,
            "Harborese newspapers",
        ),
        # the subject of the clause a coordinator opens past the previous sentence's quote
        (
            "“The pier must close,” Lena Voss said, and her husband interrupted. “Not this "
            "winter, not with the boats still out.”",
            PREVIOUS_SENTENCE,
            "her husband",
        ),
        # negative: no clause of its own past the quote (`said to her husband`)
        (
            "“The pier must close,” Lena Voss said to her husband. “Not this winter, not with "
            "the boats still out.”",
            PREVIOUS_SENTENCE,
            None,
        ),
    ],
)
def test_candidates_the_sieve_does_not_propose(text: str, source: str, mention: str | None) -> None:
    assert proposed(text).get(source) == mention


def test_local_rules_leave_no_open_decision() -> None:
    text = "“We will keep the harbour open,” said Park Ji-hoon, the mayor."
    (ctx,) = quote_contexts(text)
    first = attribute(ctx)
    assert first is not None
    assert first.rule == "post_cue_speaker"
    assert not is_open(first)
    assert is_open(None)


def test_choose_follows_the_weights() -> None:
    text = (
        "“We will keep the harbour open,” said Ivo Brandt.\n\n"
        f"Mara Quist pondered who, without the grant, might {THEATRE}"
    )
    ctx = quote_contexts(text, evidence=False)[-1]
    assert attribute(ctx) is None
    sources = {c.source: c.attribution.mention_text for c in candidates(ctx, None)}
    assert sources == {CLAUSE_SUBJECT: "Mara Quist", PREVIOUS_QUOTE: "Ivo Brandt"}

    def prefer(source: str) -> str | None:
        weights = Weights(weights={f"source={source}": 4.0, "bias": -2.0}, threshold=0.5)
        chosen = choose(ctx, None, weights)
        return chosen.mention_text if chosen else None

    assert prefer(CLAUSE_SUBJECT) == "Mara Quist"
    assert prefer(PREVIOUS_QUOTE) == "Ivo Brandt"
    assert prefer("nothing") is None  # below the threshold: no speaker


def _fixture_article(ident: str, name: str, quoted: str) -> dict[str, object]:
    text = f"Headline of {ident}\n\n{name} pondered who, without the grant, might “{quoted}”"
    start = text.index(quoted)
    speaker_start = text.index(name)
    return {
        "id": ident,
        "text": text,
        "quotes": [
            {
                "start": start,
                "end": start + len(quoted),
                "text": quoted,
                "speaker": name,
                "speaker_start": speaker_start,
                "speaker_end": speaker_start + len(name),
            }
        ],
        "unattributed_quote_marked_spans": [],
    }


def test_training_runs_on_a_tiny_fixture_and_is_deterministic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = [
        _fixture_article("a1", "Mara Quist", "keep the small theatre open for another winter."),
        _fixture_article("a2", "Park Ji-hoon", "pay the ferry crews before the spring season."),
        _fixture_article("a3", "Ivo Brandt", "repair the old bridge over the river this year."),
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    assert len(decisions_of(articles)) == 3
    first, second = tmp_path / "w1.json", tmp_path / "w2.json"
    assert command_train_speakers([path], folds=3, out=first) == 0
    assert command_train_speakers([path], folds=3, out=second) == 0
    assert first.read_bytes() == second.read_bytes()
    weights = weights_from_json(first.read_text(encoding="utf-8"))
    assert weights.threshold in THRESHOLDS
    assert weights.weights["bias"] != 0.0
    assert "all folds: 3 decisions" in capsys.readouterr().out


NEARER_PRONOUN_CASES = [
    # A later clause of the sentence has the speaker as `he`, and its verb speaks the quote.
    (
        "Harbor Minister Walter Reid met the council on Monday.\n\nReid said both Voss and Brandt"
        " are “a disgrace to the port,” but he gave the mayor a compliment: “You always know"
        " where she stands.”",
        "he",
        "Walter Reid",
    ),
    (
        "Governor Anna Brandt of Delmont spoke on Friday.\n\nBrandt admitted some errors even as"
        " she defended the levy, saying, “Most of the plan works as we promised.”",
        "she",
        "Anna Brandt",
    ),
    # The paragraph before a quote that opens its own closes with the speaker as `He`.
    (
        "“We will rebuild the pier,” Walter Reid told the dockers. He turned to the harbor board"
        " next.\n\n“Who will pay for the cranes?”",
        "He",
        "Walter Reid",
    ),
    # Near misses: `he` in a condition is another man; `he` after `if` is asked about; a verb
    # that speaks nothing; `he` inside a complement of the speaker's own cue.
    (
        "Walter Reid said if Mark Brandt wins, he would cut the “harbor tax” at once.",
        "Walter Reid",
        "Walter Reid",
    ),
    (
        "Walter Reid asked the mayor if he would close the pier or just “the old sheds.”",
        "Walter Reid",
        "Walter Reid",
    ),
    (
        "Walter Reid met the mayor after he won the vote and said the port is “in good hands.”",
        "Walter Reid",
        "Walter Reid",
    ),
]


@pytest.mark.parametrize(("text", "mention", "name"), NEARER_PRONOUN_CASES)
def test_nearer_pronoun_is_the_mention_and_the_speaker_stays(
    text: str, mention: str, name: str
) -> None:
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.speaker is not None
    assert (quote.mention.text, quote.speaker.name) == (mention, name)
    assert text[quote.mention.start : quote.mention.end] == quote.mention.text


def test_nearer_pronoun_of_the_other_gender_is_not_the_speaker() -> None:
    text = (
        "Governor Anna Brandt of Delmont spoke on Friday.\n\nBrandt praised Mark Voss after he"
        " left and gave the council a warning: “The pier will not last the winter.”"
    )
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.speaker is not None
    assert (quote.mention.text, quote.speaker.name) == ("Brandt", "Anna Brandt")
