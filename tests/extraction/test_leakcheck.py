"""The leak checker on a tiny made-up evaluation folder (never the real evaluation data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.extraction.__main__ import main

ARTICLE = (
    "Harbour plan stalls\n\n"
    "“The harbour tolls will double before the lighthouse keepers retire,” Senator Dell "
    "Hanrahan said on Tuesday.\n\n"
    "Hanrahan said the will of the council was clear. Mr. Hanrahan left early.\n\n"
    "“We will cross that bridge when the ferry strike ends,” said Oriel Vantongeren, "
    "a harbour pilot. Ms. Vantongeren added that the dock would close.\n\n"
    "“The old bridge is safer than the new bridge,” said Amos Bridge, who built neither "
    "bridge."
)

KOREA_ARTICLE = (
    "Mill to close\n\n"
    "“The paper mill in Dangjin will shut its third furnace by spring,” Kwon Seo-yeon, "
    "a plant manager, said."
)


def quote(text: str, fragment: str, speaker: str) -> dict[str, object]:
    start = text.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment, "speaker": speaker}


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "eval"
    folder.mkdir()
    article = {
        "id": "made/up-1",
        "text": ARTICLE,
        "quotes": [
            quote(ARTICLE, "The harbour tolls", "Senator Dell Hanrahan"),
            quote(ARTICLE, "We will cross", "Oriel Vantongeren"),
            quote(ARTICLE, "The old bridge", "Amos Bridge"),
        ],
    }
    (folder / "made_train.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    claims = {
        "id": "made/up-1",
        "text": ARTICLE,
        "attributions": [{"kind": "indirect", "content": [[0, 5]], "source_text": "Hanrahan"}],
    }
    (folder / "made_train_claims.jsonl").write_text(json.dumps(claims) + "\n", encoding="utf-8")
    korea = folder / "korea_made"
    (korea / "articles").mkdir(parents=True)
    (korea / "articles" / "01_mill.txt").write_text(KOREA_ARTICLE, encoding="utf-8")
    gold = {
        "documents": {
            "01_mill.txt": {
                "quotes": [
                    {
                        "fragment": "The paper mill",
                        "kind": "required",
                        "speaker": {"name": "Kwon Seo-yeon", "kind": "person", "aliases": []},
                    }
                ]
            }
        }
    }
    (korea / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def run(
    eval_path: Path, repo: Path, capsys: pytest.CaptureFixture[str], *seeds: Path
) -> tuple[int, str, str]:
    paths = ["--paths", str(repo), "--name-paths", str(repo), "--seeds", *map(str, seeds)]
    code = main(["leakcheck", str(eval_path), *paths])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(repo: Path, name: str, text: str) -> Path:
    repo.mkdir(exist_ok=True)
    path = repo / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_repository_exits_0(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(repo, "test_ok.py", 'BODY = "“The budget is late,” Mara Quist said. Quist left."\n')
    code, out, err = run(eval_dir, repo, capsys)
    assert (code, out) == (0, "")
    assert "0 finding(s) in 1 files" in err


def test_finds_a_copied_six_word_run_with_file_and_line(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(
        repo, "test_copy.py", '"""Tests."""\n\nBODY = "Harbour TOLLS will -- double before the"\n'
    )
    code, out, _ = run(eval_dir, repo, capsys)
    assert code == 1
    assert f"{repo / 'test_copy.py'}:3: 6 words shared with made_train.jsonl#made/up-1" in out
    assert "'harbour tolls will double before the'" in out


def test_five_shared_words_are_no_finding(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(repo, "test_short.py", 'BODY = "harbour tolls will double before noon"\n')
    assert run(eval_dir, repo, capsys)[0] == 0


def test_a_run_across_lines_is_one_finding(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(repo, "test_lines.py", 'A = ("the paper mill in Dangjin "\n     "will shut its third")\n')
    code, out, _ = run(eval_dir, repo, capsys)
    assert code == 1
    assert out.count("words shared") == 1
    assert "9 words shared with korea_made/01_mill.txt (lines 1-2)" in out


def test_finds_gold_speakers_full_names_and_lone_surnames(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(
        repo,
        "test_people.py",
        'A = "Dell Hanrahan said so."\n'
        'B = "Hanrahan said so."\n'
        'C = "the mill, Kwon Seo-yeon said"\n'
        'D = "Vantongeren agreed."\n',
    )
    code, out, _ = run(eval_dir, repo, capsys)
    assert code == 1
    path = repo / "test_people.py"
    assert f"{path}:1: evaluation speaker 'Dell Hanrahan'" in out
    assert f"{path}:2: surname of an evaluation speaker 'Hanrahan'" in out
    assert f"{path}:3: evaluation speaker 'Kwon Seo-yeon'" in out
    assert f"{path}:4: surname of an evaluation speaker 'Vantongeren'" in out


def test_ignores_common_words_and_made_up_people(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    # `Bridge` (a speaker) is a word the evaluation text writes in lower case; `Kwon` alone is
    # a Korean family name; `Ada Hanrahan` is a made-up person the file refers back to.
    write(
        repo,
        "test_common.py",
        'A = "Bridge said so. Kwon said so."\n'
        'B = "Ada Hanrahan, a pilot, spoke."\n'
        'C = "Hanrahan said so."\n',
    )
    assert run(eval_dir, repo, capsys)[0] == 0


def test_names_are_leaks_only_under_name_paths(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(repo, "notes.md", "Dell Hanrahan\n")
    code = main(["leakcheck", str(eval_dir), "--paths", str(repo), "--name-paths", "x", "--seeds"])
    assert code == 0
    capsys.readouterr()


def test_word_lists_match_in_any_case_and_may_declare_names_as_data(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    lexicon = repo / "lexicon"
    lexicon.mkdir(parents=True)
    (lexicon / "names.txt").write_text("# Names.\n\nvantongeren quist\n", encoding="utf-8")
    code, out, _ = run(eval_dir, repo, capsys)
    assert code == 1
    assert "names.txt:3: surname of an evaluation speaker 'Vantongeren'" in out
    (lexicon / "names.txt").write_text(
        "# Names. leakcheck: names are data\n\nvantongeren quist\n", encoding="utf-8"
    )
    assert run(eval_dir, repo, capsys)[0] == 0


def test_only_a_comment_declares_names_as_data(eval_dir, tmp_path, capsys):
    repo = tmp_path / "repo"
    write(
        repo, "mod.py", '"""Mark lists with `leakcheck: names are data`."""\nA = "Hanrahan said"\n'
    )
    assert run(eval_dir, repo, capsys)[0] == 1
    write(repo, "mod.py", 'A = "Hanrahan said"  # leakcheck: names are data (a fixture)\n')
    assert run(eval_dir, repo, capsys)[0] == 0


def test_wording_and_people_a_seed_article_holds_are_ours(eval_dir, tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_ours.txt").write_text(
        "Harbour news\n\nThe harbour tolls will double before the lighthouse keepers retire, "
        "Dell Hanrahan told our reporter.",
        encoding="utf-8",
    )
    repo = tmp_path / "repo"
    write(repo, "test_seeded.py", 'A = "the lighthouse keepers retire, Dell Hanrahan told our"\n')
    assert run(eval_dir, repo, capsys)[0] == 1
    assert run(eval_dir, repo, capsys, seeds)[0] == 0
    write(repo, "test_other.py", 'B = "Dell Hanrahan said so."\n')
    code, out, _ = run(eval_dir, repo, capsys, seeds)
    assert code == 1
    assert "test_other.py:1: evaluation speaker 'Dell Hanrahan'" in out


def test_missing_eval_path_exits_2_with_a_message(tmp_path, capsys):
    repo = tmp_path / "repo"
    write(repo, "test_ok.py", "A = 1\n")
    code, out, err = run(tmp_path / "nowhere", repo, capsys)
    assert (code, out) == (2, "")
    assert "nowhere: no such file or folder (give the evaluation data folder)" in err


def test_unreadable_or_empty_eval_path_exits_2(tmp_path, capsys):
    repo = tmp_path / "repo"
    write(repo, "test_ok.py", "A = 1\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(empty, repo, capsys)
    assert code == 2
    assert "no evaluation articles found" in err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "set.jsonl").write_text("{not json\n", encoding="utf-8")
    code, _, err = run(broken, repo, capsys)
    assert code == 2
    assert "unreadable evaluation data" in err
