import json
import subprocess
import sys
import time
from pathlib import Path

from quotes.extraction import EXTRACTOR_VERSION, extract

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "quotes.extraction", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_extract_command_prints_json_lines() -> None:
    seed = next((ROOT / "seeds").glob("004_*.txt"))
    lines = run_cli("extract", str(seed)).splitlines()
    records = [json.loads(line) for line in lines]
    assert records
    text = seed.read_text(encoding="utf-8")
    for record in records:
        assert record["source"] == str(seed)
        assert text[record["start"] : record["end"]] == record["text"]
        assert {"speaker", "cue", "kind", "confidence"} <= record.keys()
    wi = [r for r in records if r["speaker"] and r["speaker"]["name"] == "Wi Seong-rak"]
    assert wi
    assert wi[0]["speaker"]["kind"] == "person"
    assert {"name", "kind", "description", "mention"} <= wi[0]["speaker"].keys()


def test_evaluate_command_scores_a_jsonl_file(tmp_path: Path) -> None:
    text = (
        "Intro line.\n\n“We are working expeditiously,” Kim said. "
        "“We will complete the review in the coming weeks.”"
    )
    start = text.index("We are")
    end = text.index("”")
    speaker = text.index("Kim said")
    article = {
        "id": "handmade/1",
        "text": text,
        "quotes": [
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "start_with_marks": start - 1,
                "end_with_marks": end + 1,
                "speaker": "Kim",
                "speaker_start": speaker,
                "speaker_end": speaker + 3,
                "speaker_spans": [[speaker, speaker + 3]],
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    output = run_cli("evaluate", str(path), "--errors")
    assert "quote span P 0.500 R 1.000" in output
    assert "speaker accuracy on matched 1.000" in output
    assert "EXTRA" in output  # the second quote is not in this gold file


def test_version_is_a_semantic_version_string() -> None:
    assert EXTRACTOR_VERSION.count(".") == 2


def hostile(size: int) -> str:
    unit = ["word\" it's ", "\"word a's ", "“ab” don't ", "x \" y ' z "]
    return "".join(unit[i % 4] for i in range(size // 10 + 1))[:size]


def best_time(text: str) -> float:
    """Best of three runs, so that a busy machine does not fail the test."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - started)
    return best


def test_hostile_text_is_linear_and_fast() -> None:
    small, large = hostile(40_000), hostile(160_000)
    small_time = best_time(small)
    large_time = best_time(large)
    assert large_time < 1.5
    # 4x the text must cost well under the 16x of a quadratic blow-up.
    assert large_time < 8 * small_time + 0.1
    result = extract(large)
    for quote in result.quotes[:200]:
        assert large[quote.start : quote.end] == quote.text
