"""Shared helpers of the benchmark scripts: the corpus sample and a description of the machine."""
from __future__ import annotations

import itertools
import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus_path() -> Path:
    """../shared/corpus/kremlin/articles.jsonl (or under $COMMUNIQUE_SHARED)."""
    shared = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
    path = shared / "corpus" / "kremlin" / "articles.jsonl"
    if not path.exists():
        sys.exit(f"bench: {path} is missing: put the team's shared folder beside the project or set "
                 "COMMUNIQUE_SHARED")
    return path


def sample(n: int) -> list[dict[str, str]]:
    """The first `n` articles of the corpus, as JSON objects."""
    with corpus_path().open(encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, n)]


def write_sample(n: int, path: Path) -> Path:
    with corpus_path().open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in itertools.islice(src, n):
            dst.write(line)
    return path


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def machine() -> str:
    import spacy

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"{platform.system()} {platform.machine()}")
