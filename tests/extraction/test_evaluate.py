"""The evaluation loop on tiny made-up annotated articles in each format (never the eval data).

Real-extractor cases use plain `"...," Smith said.` sentences; the exact wrong predictions
(scare quotes attributed, partial names, claims) come from stub extractors, so these tests check
the scoring, not the engine of the day.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quotes.extraction.__main__ import main
from quotes.extraction.evaluate import evaluate
from quotes.extraction.evaluation import Predictor, evaluate_paths
from quotes.extraction.evaluation.claims import evaluate_claims
from quotes.extraction.evaluation.common import greedy_pairs, place
from quotes.extraction.evaluation.coverage import (
    ENGINE_CUE,
    NO_SOURCE,
    OTHER_CUE,
    claims_coverage,
)
from quotes.extraction.evaluation.korea import evaluate_korea
from quotes.extraction.evaluation.polnear import evaluate_quotes, mention_agrees
from quotes.extraction.evaluation.report import render_errors, render_report, render_table
from quotes.extraction.types import Mention, Quote, Speaker, SpeakerKind

TAX = (
    "Tax plan announced\n\n"
    "“We will cut taxes for every family,” Smith said on Monday.\n\n"
    "“The plan is a disaster for the country,” Quist said."
)

PARK = (
    "Seoul mayor unveils park plan\n\n"
    '"We will build more parks for families," Seoul Mayor Park Ji-hoon said on Monday.\n\n'
    '"The budget is not enough for this plan," Park said.\n\n'
    'The so-called "garden city" project began in 2012.'
)

BUDGET = (
    "Budget talks\n\n"
    "The minister said that the budget would rise next year. "
    "Lee said the plan was “a good start” for the country."
)


# Writing the three formats.


def polnear_quote(text: str, fragment: str, speaker: str | None) -> dict[str, Any]:
    start = text.index(fragment)
    quote: dict[str, Any] = {
        "start": start,
        "end": start + len(fragment),
        "text": fragment,
        "start_with_marks": start - 1,
        "end_with_marks": start + len(fragment) + 1,
        "speaker": speaker,
    }
    if speaker is not None and speaker in text:
        at = text.index(speaker)
        quote.update(speaker_start=at, speaker_end=at + len(speaker))
    return quote


def polnear_article(
    ident: str, text: str, quotes: Sequence[tuple[str, str | None]], scare: Sequence[str] = ()
) -> dict[str, Any]:
    marked = [{"start": text.index(s), "end": text.index(s) + len(s), "text": s} for s in scare]
    return {
        "id": ident,
        "text": text,
        "quotes": [polnear_quote(text, fragment, speaker) for fragment, speaker in quotes],
        "unattributed_quote_marked_spans": marked,
    }


def claim(text: str, kind: str, content: str, source: str) -> dict[str, Any]:
    start, at = text.index(content), text.index(source)
    return {
        "kind": kind,
        "content": [[start, start + len(content)]],
        "content_text": content,
        "source": [[at, at + len(source)]],
        "source_text": source,
        "cue_text": "said",
    }


def write_jsonl(path: Path, articles: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def write_korea(folder: Path, texts: dict[str, str], documents: dict[str, Any]) -> Path:
    (folder / "articles").mkdir(parents=True)
    for name, text in texts.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return folder


def person(name: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "kind": "person", "aliases": list(aliases)}


def park_gold() -> dict[str, Any]:
    return {
        "quotes": [
            {
                "fragment": "We will build more parks for families",
                "kind": "required",
                "speaker": person("Park Ji-hoon", "Mayor Park Ji-hoon"),
            },
            # The gold names someone else: the extractor's Park is wrong here.
            {
                "fragment": "The budget is not enough for this plan",
                "kind": "required",
                "speaker": person("Lee Min-seo"),
            },
            {"fragment": "garden city", "exact": True, "kind": "not_quote", "speaker": None},
        ]
    }


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["evaluate", *args]) == 0
    return capsys.readouterr().out


# Stub extractors: exactly the predictions a case needs.


def stub_quote(
    text: str,
    fragment: str,
    name: str | None = None,
    *,
    kind: SpeakerKind = "person",
    mention: str = "",
) -> Quote:
    start = text.index(fragment)
    spoken = mention or name or ""
    at = text.find(spoken) if spoken else -1
    return Quote(
        text=fragment,
        start=start,
        end=start + len(fragment),
        first_sentence=0,
        last_sentence=0,
        kind="full",
        cue="said",
        confidence=1.0,
        speaker=Speaker(name=name, kind=kind, key=f"{kind}:{name}") if name else None,
        mention=Mention(spoken, at, at + len(spoken)) if name and at >= 0 else None,
    )


@dataclass(frozen=True)
class StubClaim:
    record: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.record)


@dataclass(frozen=True)
class StubResult:
    quotes: tuple[Any, ...] = ()  # Quote, or any record with to_dict()
    claims: tuple[StubClaim, ...] = ()


@dataclass
class Stub:
    """Answers from a table of results per text; counts the calls."""

    results: dict[str, StubResult]
    calls: list[str] = field(default_factory=list)

    def __call__(self, text: str) -> StubResult:
        self.calls.append(text)
        return self.results.get(text, StubResult())


def stub_claim(text: str, content: str, mention: str, name: str | None = None) -> StubClaim:
    start, at = text.index(content), text.index(mention)
    speaker = {
        "name": name or mention,
        "kind": "person",
        "mention": mention,
        "mention_start": at,
        "mention_end": at + len(mention),
    }
    record = {"text": content, "start": start, "end": start + len(content), "speaker": speaker}
    return StubClaim({**record, "kind": "indirect"})


def error_counts(printed: str) -> dict[str, int]:
    """The class summary table that --errors prints first."""
    return {m[1]: int(m[2]) for m in re.finditer(r"^  ([A-Z_]+) +(\d+)", printed, re.M)}


# PolNeAR quotes.


def test_polnear_quotes_real_extractor_right_and_wrong_speaker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The gold names Brown for the second quote: the extractor's Quist is wrong there.
    quotes = [
        ("We will cut taxes for every family,", "Smith"),
        ("The plan is a disaster for the country,", "Brown"),
    ]
    article = polnear_article("tiny/1", TAX, quotes)
    path = write_jsonl(tmp_path / "polnear_tiny.jsonl", [article])
    printed = run(capsys, str(path), "--errors")
    assert printed.rstrip().endswith(
        "polnear polnear_tiny.jsonl: quote span P 1.000 R 1.000 F1 1.000; speaker accuracy on "
        "matched 0.500; end-to-end P 0.500 R 0.500 F1 0.500"
    )
    counts = error_counts(printed)
    assert counts["WRONG_SPEAKER"] == 1
    assert sum(counts.values()) == 1
    assert "gold 'Brown'" in printed
    assert "'Quist'" in printed


def test_polnear_quotes_classes_and_matching_with_a_stub(tmp_path: Path) -> None:
    text = (
        "Debate night\n\n"
        "“Taxes will go down for all of you,” Smith said. He called it a “witch hunt” again.\n\n"
        "“We need more jobs here,” he said.\n\n"
        "“I never said that,” Quist said."
    )
    article = polnear_article(
        "tiny/2",
        text,
        [
            ("Taxes will go down for all of you,", "Smith"),
            ("We need more jobs here,", "he"),
            ("I never said that,", "Quist"),
        ],
        scare=["witch hunt"],
    )
    result = StubResult(
        quotes=(
            # Span cut short (Jaccard 0.8 still matches); speaker named as the resolved name.
            stub_quote(text, "Taxes will go down for all", "Thomas Smith", mention="Smith"),
            stub_quote(text, "witch hunt", "Thomas Smith", mention="He"),  # a scare quote
            # The gold pronoun only matches the same pronoun, not the name it resolves to.
            stub_quote(text, "We need more jobs here,", "Thomas Smith", mention="Smith"),
            # "I never said that" is missed.
        )
    )
    scored = evaluate_quotes(
        write_jsonl(tmp_path / "polnear_x.jsonl", [article]), Predictor(Stub({text: result}))
    )
    figures = scored.figures.as_dict()
    assert (figures["gold"], figures["predicted"], figures["matched"]) == (3, 3, 2)
    assert figures["speaker_right"] == 1
    assert figures["span_f1"] == pytest.approx(2 / 3)
    assert figures["e2e_precision"] == pytest.approx(1 / 3)
    counts = scored.error_counts()
    assert counts["MISSED"] == 1
    assert counts["SCARE_ATTRIBUTED"] == 1
    assert counts["GOLD_PRONOUN"] == 1
    assert counts["EXTRA"] == counts["WRONG_SPEAKER"] == counts["NO_SPEAKER"] == 0
    report = render_errors(scored, limit=20)
    assert report.index("MISSED (1)") < report.index("I never said that")


def test_speaker_rule_head_words_and_pronouns() -> None:
    assert mention_agrees("Tam Varga", "Varga")
    assert mention_agrees("a spokeswoman for the campaign", "spokeswoman")
    assert mention_agrees("Smith, a senator", "Senator Smith")
    assert mention_agrees("he", "He")
    assert not mention_agrees("he", "Varga")
    assert not mention_agrees("who", "Smith, who")  # a gold pronoun is no head word
    assert not mention_agrees("Varga", None)
    assert not mention_agrees("Mara Quist", "Tam Varga")


def test_matching_is_one_to_one_and_places_by_text() -> None:
    # Two predictions over one gold span: only the better one matches.
    assert greedy_pairs([(0, 10)], [(0, 9), (0, 10)]) == [(0, 1)]
    assert greedy_pairs([(0, 10)], [(0, 4), None]) == []  # Jaccard 0.4
    # Offsets that do not slice to the text: found by searching, skipping taken spans.
    text = "say yes, say yes"
    assert place(text, {"start": 0, "end": 2, "text": "say yes"}, set()) == (0, 7)
    assert place(text, {"text": "say yes"}, {(0, 7)}) == (9, 16)
    assert place(text, {"text": "nowhere"}, set()) is None


def test_limit_and_the_scorers_file_names(tmp_path: Path) -> None:
    first = polnear_article("a/1", TAX, [("We will cut taxes for every family,", "Smith")])
    second = polnear_article("b/1", TAX, [("We will cut taxes for every family,", "Smith")])
    # "a/1" and "a_1" are one file name to the scorer: only the later article counts.
    twin = polnear_article("a_1", TAX, [])
    path = write_jsonl(tmp_path / "polnear_three.jsonl", [first, second, twin])
    assert evaluate(path).figures.as_dict()["gold"] == 1
    assert evaluate(path, limit=1).figures.as_dict()["gold"] == 1
    assert evaluate(path, limit=2).figures.as_dict()["gold"] == 2


# The Korean gold.


def test_korea_real_extractor_right_wrong_and_a_scare_quote_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_korea(
        tmp_path / "korea_tiny", {"01_park.txt": PARK}, {"01_park.txt": park_gold()}
    )
    printed = run(capsys, str(folder), "--errors")
    assert printed.rstrip().endswith(
        "korea_tiny: quote recall 1.000 (2/2), speaker accuracy 0.500 (1/2), spurious 0, "
        "attributed scare quotes 0, anonymous-identity errors 0"
    )
    counts = error_counts(printed)
    assert counts["WRONG_SPEAKER"] == 1
    assert sum(counts.values()) == 1
    # The gold.json path itself gives the same figures.
    figures = evaluate(folder / "gold.json").figures.as_dict()
    assert (figures["found"], figures["correct"]) == (2, 1)


def test_korea_scare_quote_attributed_spurious_and_partial_name(tmp_path: Path) -> None:
    gold = park_gold()
    gold["quotes"][1]["speaker"] = person("Park Ji-hoon")
    # Not a quote in the text, so never found: speaker accuracy is of all required quotes.
    missed = {"fragment": "project began in 2012", "kind": "required", "speaker": person("Kim")}
    gold["quotes"].append(missed)
    folder = write_korea(tmp_path / "k", {"01_park.txt": PARK}, {"01_park.txt": gold})
    result = StubResult(
        quotes=(
            stub_quote(PARK, "We will build more parks for families,", "Mayor Park Ji-hoon"),
            stub_quote(PARK, "The budget is not enough for this plan,", "Park"),
            stub_quote(PARK, "garden city", "Park Ji-hoon"),
            stub_quote(PARK, "Seoul mayor unveils", None),
        )
    )
    scored = evaluate_korea(folder, Predictor(Stub({PARK: result})))
    assert scored.figures.scorer_line("k") == (
        "k: quote recall 0.667 (2/3), speaker accuracy 0.333 (1/3), spurious 1, "
        "attributed scare quotes 1, anonymous-identity errors 0"
    )
    counts = scored.error_counts()
    assert counts["PARTIAL_NAME"] == 1  # "Park" for Park Ji-hoon: right person, short name
    assert counts["SCARE_ATTRIBUTED"] == counts["SPURIOUS"] == counts["MISSED"] == 1


def test_korea_exact_entry_needs_a_prediction_of_about_its_length(tmp_path: Path) -> None:
    folder = write_korea(tmp_path / "k", {"01_park.txt": PARK}, {"01_park.txt": park_gold()})
    longer = 'so-called "garden city" project began'
    result = StubResult(quotes=(stub_quote(PARK, longer, "Park Ji-hoon"),))
    figures = evaluate_korea(folder, Predictor(Stub({PARK: result}))).figures.as_dict()
    # Not the scare quote "garden city" (exact), so not attributing it either: spurious.
    assert (figures["attributed_scare_quotes"], figures["spurious"]) == (0, 1)


def test_korea_anonymous_sources_kind_and_groups(tmp_path: Path) -> None:
    text = (
        "Officials speak\n\n"
        '"We are watching closely," a senior official at the ministry said.\n\n'
        '"Nothing has changed yet," the ministry official said.\n\n'
        '"We will respond firmly," Pyongyang said.'
    )
    official = {"name": "a senior official at the ministry", "kind": "anonymous"}
    official |= {"affiliation": "ministry", "group": "g1"}
    gold = {
        "quotes": [
            {"fragment": "We are watching closely", "kind": "required", "speaker": official},
            {"fragment": "Nothing has changed yet", "kind": "required", "speaker": official},
            {
                "fragment": "We will respond firmly",
                "kind": "required",
                "speaker": {"name": "Pyongyang", "kind": "organization", "aliases": []},
            },
        ]
    }
    folder = write_korea(tmp_path / "k", {"02.txt": text}, {"02.txt": gold})
    result = StubResult(
        quotes=(
            stub_quote(
                text,
                "We are watching closely,",
                "senior official at the ministry",
                kind="anonymous",
                mention="a senior official at the ministry",
            ),
            stub_quote(
                text,
                "Nothing has changed yet,",
                "ministry official",
                kind="anonymous",
                mention="the ministry official",
            ),
            stub_quote(text, "We will respond firmly,", "Pyongyang"),  # a person: wrong kind
        )
    )
    scored = evaluate_korea(folder, Predictor(Stub({text: result})))
    figures = scored.figures.as_dict()
    assert (figures["correct"], figures["required"]) == (2, 3)
    # score_gold.py reads `group` on the entry, not on its speaker: no error by its count;
    # read from the speaker, the one source came out as two speakers.
    assert figures["anonymous_identity_errors"] == 0
    assert figures["anonymous_identity_errors_speaker_group"] == 1
    counts = scored.error_counts()
    assert counts["WRONG_KIND"] == counts["ANON_SPLIT"] == 1
    # With the group on the entries, as the scorer reads it, its figure counts the split too.
    for entry in gold["quotes"][:2]:
        entry["group"] = "g1"
    (folder / "gold.json").write_text(json.dumps({"documents": {"02.txt": gold}}))
    scored = evaluate_korea(folder, Predictor(Stub({text: result})))
    assert scored.figures.as_dict()["anonymous_identity_errors"] == 1


# PolNeAR claims.


def budget_claims(tmp_path: Path, name: str = "tiny_claims.jsonl") -> Path:
    attributions = [
        claim(BUDGET, "indirect", "the budget would rise next year", "The minister"),
        claim(BUDGET, "mixed", "the plan was “a good start” for the country", "Lee"),
        claim(BUDGET, "direct", "a good start", "Lee"),  # a quote, not a claim
    ]
    article = {"id": "tiny/3", "text": BUDGET, "attributions": attributions}
    return write_jsonl(tmp_path / name, [article])


def test_claims_score_zero_when_the_extractor_has_none(tmp_path: Path) -> None:
    path = budget_claims(tmp_path)
    # A result with quotes only and no `claims` attribute, as Extraction is today.
    stub = Stub({BUDGET: StubResult(quotes=(stub_quote(BUDGET, "a good start", "Lee"),))})
    scored = evaluate_claims(path, Predictor(stub))
    assert scored.figures.scorer_line(path.name) == (
        "claims tiny_claims.jsonl: 2 gold (1 mixed), 0 predicted; content P 0.000 R 0.000 "
        "(indirect 0.000, mixed 0.000) F1 0.000 (exact F1 0.000); speaker accuracy on matched "
        "0.000; end-to-end P 0.000 R 0.000 F1 0.000"
    )
    assert scored.error_counts()["MISSED_INDIRECT"] == scored.error_counts()["MISSED_MIXED"] == 1


def test_claims_from_the_extraction_are_scored(tmp_path: Path) -> None:
    path = budget_claims(tmp_path)
    result = StubResult(
        claims=(
            stub_claim(BUDGET, "the budget would rise next year", "The minister"),
            stub_claim(BUDGET, "the plan was “a good start”", "Lee", name="Kim"),
            stub_claim(BUDGET, "Budget talks", "Lee", name="Kim"),
        )
    )
    scored = evaluate_claims(path, Predictor(Stub({BUDGET: result})))
    assert scored.figures.scorer_line(path.name) == (
        "claims tiny_claims.jsonl: 2 gold (1 mixed), 3 predicted; content P 0.667 R 1.000 "
        "(indirect 1.000, mixed 1.000) F1 0.800 (exact F1 0.400); speaker accuracy on matched "
        "1.000; end-to-end P 0.667 R 1.000 F1 0.800"
    )
    counts = scored.error_counts()
    assert counts["EXTRA"] == counts["INEXACT"] == 1
    assert counts["MISSED_INDIRECT"] == counts["MISSED_MIXED"] == 0


def test_claims_wrong_speaker_and_indirect_records_among_quotes(tmp_path: Path) -> None:
    path = budget_claims(tmp_path, "renamed.jsonl")  # told from its `attributions`
    record = stub_claim(BUDGET, "the budget would rise next year", "Lee", name="Lee").record

    @dataclass(frozen=True)
    class Record:
        def to_dict(self) -> dict[str, Any]:
            return dict(record)

    # The scorers tell claims by kind alone: an "indirect" record among the quotes is a claim.
    stub = Stub({BUDGET: StubResult(quotes=(Record(),))})
    (scored,) = evaluate_paths([path], predictor=Predictor(stub))
    figures = scored.figures.as_dict()
    assert scored.format == "polnear-claims"
    assert (figures["predicted"], figures["matched"], figures["speaker_right"]) == (1, 1, 0)
    assert scored.error_counts()["WRONG_SPEAKER"] == 1


# Several sets at once.


def test_sets_side_by_side_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quotes = write_jsonl(
        tmp_path / "polnear_tiny.jsonl",
        [polnear_article("t/1", TAX, [("We will cut taxes for every family,", "Smith")])],
    )
    korea = write_korea(
        tmp_path / "korea_tiny", {"01_park.txt": PARK}, {"01_park.txt": park_gold()}
    )
    claims = budget_claims(tmp_path)
    table = run(capsys, str(quotes), str(korea), str(claims))
    rows = {line.split()[0]: line.split() for line in table.splitlines() if line.strip()}
    # set, articles, gold, pred, span F1, spk acc, e2e P, e2e R, e2e F1
    assert rows["polnear_tiny.jsonl"][1:] == [
        "1",
        "1",
        "2",
        "0.667",
        "1.000",
        "0.500",
        "1.000",
        "0.667",
    ]
    # set, articles, required, recall, spk acc, spurious, scare, anon, anon(spk.group)
    assert rows["korea_tiny"][1:] == ["1", "2", "1.000", "0.500", "0", "0", "0", "0"]
    assert rows["tiny_claims.jsonl"][1:3] == ["1", "2"]
    printed = run(capsys, str(quotes), str(korea), "--json")
    records = [json.loads(line) for line in printed.splitlines()]
    assert [r["format"] for r in records] == ["polnear-quotes", "korea-gold"]
    assert records[0]["e2e_f1"] == pytest.approx(2 / 3)
    assert records[1]["speaker_accuracy"] == 0.5
    assert records[1]["errors"]["WRONG_SPEAKER"] == 1


def test_each_text_is_extracted_once_across_sets(tmp_path: Path) -> None:
    quotes = write_jsonl(tmp_path / "polnear_budget.jsonl", [polnear_article("b", BUDGET, [])])
    claims = budget_claims(tmp_path)
    stub = Stub({})
    results = evaluate_paths([quotes, claims], predictor=Predictor(stub))
    assert [r.format for r in results] == ["polnear-quotes", "polnear-claims"]
    assert stub.calls == [BUDGET]
    assert "polnear-quotes:" in render_table(results, "x")
    assert render_report(results[1], "x").splitlines()[-1].startswith("claims tiny_claims.jsonl")


def test_text_is_extracted_as_manage_py_extract_reads_it(tmp_path: Path) -> None:
    text = TAX.replace("\n", "\r\n")
    path = write_jsonl(tmp_path / "polnear_crlf.jsonl", [polnear_article("c", text, [])])
    stub = Stub({})
    evaluate_quotes(path, Predictor(stub))
    assert stub.calls == [TAX]


# Claims coverage: the gold claims by kind of cue.

ENDORSED = (
    "Port vote\n\n"
    "The mayor said the port would close in May. Lena Park endorsed the harbor plan. "
    "The vote appears likely to pass. Kim endorsed it too."
)


def test_claims_coverage_splits_the_gold_by_kind_of_cue(tmp_path: Path) -> None:
    endorsed = claim(ENDORSED, "indirect", "the harbor plan", "Lena Park") | {
        "cue_text": "has endorsed"
    }
    writer = claim(ENDORSED, "indirect", "likely to pass", "The vote") | {
        "source": None,
        "source_text": None,
        "cue_text": "appears",
    }
    attributions = [claim(ENDORSED, "indirect", "the port would close in May", "The mayor")]
    article = {"id": "port/1", "text": ENDORSED, "attributions": [*attributions, endorsed, writer]}
    path = write_jsonl(tmp_path / "port_claims.jsonl", [article])
    result = StubResult(
        claims=(
            stub_claim(ENDORSED, "the port would close in May", "The mayor"),
            stub_claim(ENDORSED, "Port vote", "Lena Park"),  # no gold claim: an extra
        )
    )
    coverage = claims_coverage([path], Predictor(Stub({ENDORSED: result})))
    assert coverage.gold == {ENGINE_CUE: 1, OTHER_CUE: 1, NO_SOURCE: 1}
    assert coverage.right == {ENGINE_CUE: 1, OTHER_CUE: 0, NO_SOURCE: 0}
    assert (coverage.predicted, coverage.predicted_right) == (2, 1)
    # `has endorsed` counts under its head word; the text uses `endorsed` twice
    assert (coverage.other_words, coverage.word_uses) == ({"endorsed": 1}, {"endorsed": 2})
    lines = coverage.lines("port_claims.jsonl", top=5)
    assert lines[0] == (
        "claims coverage: port_claims.jsonl, 3 gold claims, 2 predicted (1 right, end-to-end "
        "P 0.500)"
    )
    assert "end-to-end F1 on all gold 0.400; on the engine's cues alone 0.667" in lines[5]
    assert lines[-1].split() == ["endorsed", "1", "of", "2", "uses", "(0.50)"]


def test_claims_coverage_command_reads_each_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = budget_claims(tmp_path)
    assert main(["claims-coverage", str(path), "--top", "3"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("claims coverage: tiny_claims.jsonl, 2 gold claims")
    assert "a cue the engine reads" in printed
