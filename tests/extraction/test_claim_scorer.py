"""The learned claim scorer: the cues it decides (lexicon/scored_cue_verbs.txt), its features, its
training script and its shipped weights. Sentences made up."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from lexicon import SCORED_CUE_VERBS
from quotes.extraction import extract
from quotes.extraction.claim_model import claim_probability
from quotes.extraction.claim_training import Example, Labelled, best_threshold, train_claims
from quotes.extraction.claim_weights import BIAS, THRESHOLD, WEIGHTS
from quotes.extraction.claims import THAT_CUE_CLASSES
from quotes.extraction.pipeline import claim_candidates

# (text, content, mention, cue): each construction a scored cue gives, kept by the shipped weights.
SCORED_CLAIMS: list[tuple[str, str, str, str]] = [
    (
        "Mara Quist believes the levy will pass next spring.",
        "the levy will pass next spring",
        "Mara Quist",
        "believes",
    ),
    (
        "Park Ji-hoon thinks the talks will resume in March.",
        "the talks will resume in March",
        "Park Ji-hoon",
        "thinks",
    ),
    (
        "Mara Quist asked the council to delay the vote on the harbor plan.",
        "the council to delay the vote on the harbor plan",
        "Mara Quist",
        "asked",
    ),
    (
        "Mara Quist called the plan a disaster for the harbor.",
        "the plan a disaster for the harbor",
        "Mara Quist",
        "called",
    ),
    (
        "Mara Quist called for a new vote on the harbor plan.",
        "a new vote on the harbor plan",
        "Mara Quist",
        "called",
    ),
    (
        "Mara Quist tweeted that the levy will pass next spring.",
        "that the levy will pass next spring",
        "Mara Quist",
        "tweeted",
    ),
    (
        # a claim verb's base form after a plural subject
        "Critics of the harbor plan suggest the ferry fees are far too high.",
        "the ferry fees are far too high",
        "Critics",
        "suggest",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention", "cue"), SCORED_CLAIMS)
def test_scored_cue_gives_a_claim(text: str, content: str, mention: str, cue: str) -> None:
    (claim,) = extract(text).claims
    assert (claim.text, claim.cue) == (content, cue)
    assert text[claim.start : claim.end] == content
    assert claim.mention is not None
    assert claim.mention.text == mention
    assert claim.rule is not None


NOT_CLAIMS: list[tuple[str, str]] = [
    ("a question", "Does Mara Quist believe the levy will pass next spring?"),
    ("a denial", "Mara Quist does not believe the levy will pass next spring."),
    ("a hypothetical", "If Mara Quist believed the levy would pass, she would vote for it."),
    ("called as an adjective", "The called meeting of the Lindell Institute ended early."),
    ("narration", "The ferry called at three ports before it reached the harbor."),
    ("a passive", "Mara Quist was asked to leave the hall before the vote."),
    ("first person", "I think the levy will pass next spring, the letter began."),
    ("a base form after a negation", "Harbor officials did not suggest the levy would pass."),
    ("a base form as an infinitive", "Some captains came to note the damage to the pier."),
]


@pytest.mark.parametrize(("why", "text"), NOT_CLAIMS)
def test_scored_cue_gives_no_claim(why: str, text: str) -> None:
    assert [c for c in extract(text).claims if c.cue in SCORED_CUE_VERBS] == [], why


@pytest.mark.parametrize(
    "text",
    [
        "Harbor news\n\nThe Lindell Institute called the ferry office twice last week.",
        # a text of one line is all body: its sentence is no headline, which the scorer trusts
        "The Lindell Institute called the ferry office twice last week.",
    ],
)
def test_scorer_keeps_no_unlikely_candidate(text: str) -> None:
    (candidate,) = [features for _, features in claim_candidates(text) if features]
    assert "headline" not in candidate
    assert claim_probability(candidate) < THRESHOLD
    assert extract(text).claims == ()


def test_a_first_line_before_the_body_is_a_headline() -> None:
    text = "Lindell Institute calls for a ferry audit\n\nThe audit would cost the town little."
    (candidate,) = [features for _, features in claim_candidates(text) if features]
    assert "headline" in candidate


def test_a_scored_naming_cue_ends_its_candidate_at_the_quoted_complement() -> None:
    text = "Mara Quist called the ferry levy “a disgrace” in an interview on Monday."
    ((candidate, features),) = [entry for entry in claim_candidates(text) if entry[1]]
    assert candidate.text == "the ferry levy “a disgrace”"
    assert features is not None
    assert "quoted_complement" in features
    # without quote marks nothing tells where the complement ends
    plain = text.replace("“", "").replace("”", "")
    ((candidate, features),) = [entry for entry in claim_candidates(plain) if entry[1]]
    assert candidate.text == "the ferry levy a disgrace in an interview on Monday"
    assert features is not None
    assert "quoted_complement" not in features


def test_scored_cues_leave_the_rules_claims_unchanged() -> None:
    text = (
        "Mara Quist said the harbor would reopen in May. She believes the levy will pass, "
        "and she said the council agreed."
    )
    ruled = [claim for claim, features in claim_candidates(text) if features is None]
    assert [c.text for c in ruled] == ["the harbor would reopen in May", "the council agreed"]
    assert [c for c in extract(text).claims if c.cue == "said"] == ruled


def test_shipped_weights_load() -> None:
    assert 0 < THRESHOLD < 1
    assert -10 < BIAS < 10
    assert WEIGHTS
    assert all(isinstance(weight, float) for weight in WEIGHTS.values())
    # the cues the weights name are the scored cues, nothing copied from a text
    cues = {feature[4:] for feature in WEIGHTS if feature.startswith("cue=")}
    assert cues <= SCORED_CUE_VERBS | set(THAT_CUE_CLASSES)


def _article(ident: int, text: str, claims: list[tuple[str, str]]) -> dict[str, object]:
    attributions = []
    for content, source in claims:
        start, source_start = text.index(content), text.index(source)
        attributions.append(
            {
                "kind": "indirect",
                "content": [[start, start + len(content)]],
                "content_text": content,
                "source": [source_start, source_start + len(source)],
                "source_text": source,
                "cue": None,
                "cue_text": None,
            }
        )
    return {"id": str(ident), "text": text, "quotes": [], "attributions": attributions}


def test_training_script_writes_weights_that_load(tmp_path: Path) -> None:
    articles = [
        _article(
            number,
            f"Harbor vote {number}\n\nMara Quist believes the levy will pass in week {number}. "
            f"Park Ji-hoon called the ferry office twice in week {number}. "
            f"Lena Voss said the ferry will run on Sundays from week {number}.",
            [
                (f"the levy will pass in week {number}", "Mara Quist"),
                (f"the ferry will run on Sundays from week {number}", "Lena Voss"),
            ],
        )
        for number in range(1, 11)
    ]
    path = tmp_path / "tiny_claims.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    out = tmp_path / "weights.py"
    report = train_claims([path], out=out, folds=2, min_precision=0.5)
    assert any(line.startswith("cross-validated") for line in report)
    weights = runpy.run_path(str(out))
    assert 0 <= weights["THRESHOLD"] <= 1
    assert weights["WEIGHTS"]["cue=believes"] > weights["WEIGHTS"].get("cue=called", 0.0)
    assert train_claims([path], out=tmp_path / "again.py", folds=2, min_precision=0.5) == report
    assert (tmp_path / "again.py").read_text() == out.read_text()  # deterministic


def test_threshold_never_keeps_a_candidate_more_likely_wrong_than_right() -> None:
    # 100 gold claims, 40 of them found right by the rules alone; the candidates the scorer gives
    # 0.4 would raise F1 if kept, but the scorer judges each more likely wrong than right
    examples = [Example(0, ("a",), right) for right in (True, True, False)] * 20
    data = Labelled(examples, ruled=40, ruled_right=40, gold=100)
    scores = [0.9, 0.8, 0.6] * 10 + [0.4] * 30
    best_f1 = best_threshold(scores, data, 0.5)
    assert (best_f1.threshold, best_f1.kept, best_f1.right) == (0.4, 100, 80)
    floored = best_threshold(scores, data, 0.5, min_likelihood=0.5)
    assert (floored.threshold, floored.kept, floored.right) == (0.8, 60, 60)


def test_the_scorer_learns_nothing_from_a_claim_inside_a_rules_claim() -> None:
    # the inner claim is dropped whatever it scores, so train-claims never sees it
    text = "Mara Voss said the Harbor Ministry claimed the port was safe."
    assert [claim.text for claim, _ in claim_candidates(text)] == [
        "the Harbor Ministry claimed the port was safe"
    ]
    text = "Mara Voss said the port was safe, and the Harbor Ministry claimed the ferry would sail."
    assert [claim.text for claim, _ in claim_candidates(text)] == [
        "the port was safe",
        "the ferry would sail",
    ]
