"""The extraction package stands alone: no Django, nothing downloaded."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_package_imports_no_django() -> None:
    code = (
        "import sys\n"
        "from quotes.extraction import extract\n"
        "extract('“Hello,” she said.')\n"
        "import quotes.extraction.__main__, quotes.extraction.evaluate\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_no_django_in_the_source() -> None:
    for path in (ROOT / "quotes" / "extraction").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import django" not in source, path.name
        assert "from django" not in source, path.name


def test_punkt_needs_no_downloaded_data() -> None:
    code = (
        "import nltk\n"
        "nltk.data.path[:] = ['/nonexistent']\n"
        "from quotes.extraction import extract\n"
        "print(len(extract('Gen. Lee arrived. He left.').sentences))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "2"


def test_output_does_not_depend_on_hash_seed() -> None:
    code = (
        "import hashlib, json, pathlib\n"
        "from quotes.extraction import extract\n"
        "digest = hashlib.sha256()\n"
        "for path in sorted(pathlib.Path('seeds').glob('*.txt')):\n"
        "    result = extract(path.read_text(encoding='utf-8')).to_dict()\n"
        "    digest.update(json.dumps(result, sort_keys=True).encode())\n"
        "print(digest.hexdigest())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
