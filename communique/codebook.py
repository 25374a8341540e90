"""The event codebooks: PLOVER types, CAMEO codes, trigger patterns and complement frames, all read from CSV files.

Shipped files live in `communique/data/`; a user's folder (`COMMUNIQUE_DATA`) may hold files of the same names
whose rows are added after ours (a user's pattern for a lemma is tried before the shipped ones).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError
from .gazetteer import data_rows

__all__ = ["FRAMES", "MODALITIES", "SOURCE_TYPES", "Codebook", "Operation", "Pattern", "enumerations",
           "load_codebook", "plover_types"]

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The one list of each enumeration: the API's parameter types, the CLI's choices and /api/codebook read these.
MODALITIES = ("asserted", "expected", "intended", "conditional", "hypothetical", "denied")
SOURCE_TYPES = ("named", "anonymous", "institutional", "collective", "unattributed")

# Complement frames: the frame word takes a clause (xcomp/ccomp) whose event it turns into another kind of event
# ("threatened to shell" -> THREATEN) or whose modality it sets ("is expected to meet" -> expected).
COMPLEMENT_FRAMES = frozenset({"intent", "threat", "refuse", "request", "expect", "attempt", "fail"})
# Argument frames: how the trigger finds its source and target.
ARGUMENT_FRAMES = frozenset({"symmetric", "stative", "needs_object", "needs_target", "actor_object", "clause_only",
                             "actor_target", "evaluative", "accusation", "own_agent", "victim_subject", "no_purpose",
                             "threat_or_target", "weapon_subject", "needs_source", "defensive", "singular", "plural",
                             "to_principal", "relation_subject", "greeting", "wish", "salutation",
                             "partner", "carried", "recipient_subject"})
FRAMES = COMPLEMENT_FRAMES | ARGUMENT_FRAMES
POS = frozenset({"VERB", "ADJ", "NOUN"})


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a lemma with optional object words, particles and target prepositions."""

    lemma: str
    pos: str
    objects: frozenset[str]
    excluded: frozenset[str]
    particles: frozenset[str]
    preps: frozenset[str]
    cameo: str | None
    frames: frozenset[str]
    origin: str

    @property
    def complement(self) -> str | None:
        """The complement frame of this pattern, if any."""
        found = self.frames & COMPLEMENT_FRAMES
        return next(iter(sorted(found))) if found else None


@dataclass(frozen=True)
class Operation:
    """A military operation known by its name ("special military operation"): who wages it on whom, and when
    (ISO dates; `until` empty while it goes on)."""

    words: tuple[str, ...]
    source: str
    target: str
    since: str
    until: str

    def covers(self, day: str | None) -> bool:
        """Whether an article of `day` (ISO; None: unknown) may mean this operation."""
        return day is not None and self.since <= day[:10] and (not self.until or day[:10] <= self.until)


@dataclass(frozen=True)
class Codebook:
    """Everything the event coder reads: patterns by lemma, CAMEO -> PLOVER, PLOVER -> quad, frame codes."""

    patterns: dict[str, tuple[Pattern, ...]]
    cameo: dict[str, str]
    quads: dict[str, int]
    frame_codes: dict[tuple[str, str], str]
    modes: dict[str, str]
    goldstein_scale: dict[str, float] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)  # word classes (`word_classes.csv`)
    operations: tuple[Operation, ...] = ()  # named military operations (`operations.csv`)

    def plover(self, code: str) -> str:
        """The PLOVER type of a CAMEO code."""
        return self.cameo[code]

    def frame_code(self, frame: str, inner: str) -> str | None:
        """The code a complement frame gives an inner event: by its CAMEO code if listed, else by its type."""
        return self.frame_codes.get((frame, inner)) or self.frame_codes.get((frame, self.cameo[inner]))

    def goldstein(self, code: str | None) -> float | None:
        """The Goldstein scale value of a CAMEO code (a code the table lacks takes its parent's), or None."""
        while code:
            if code in self.goldstein_scale:
                return self.goldstein_scale[code]
            code = code[:-1] if len(code) > 2 else ""
        return None

    def quad(self, plover: str) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return self.quads[plover]


def _split(cell: str | None) -> list[str]:
    return [x.strip().lower() for x in (cell or "").split("|") if x.strip()]


def _expand(where: str, word: str, classes: dict[str, frozenset[str]]) -> frozenset[str]:
    """An object word, or the words of its class ("@weapons": `word_classes.csv`)."""
    if not word.startswith("@"):
        return frozenset({word})
    if word[1:] not in classes:
        raise ConfigError(f"{where}: unknown word class {word!r}: use one of {sorted(classes)} or add it to "
                          "word_classes.csv")
    return classes[word[1:]]


def word_classes(extra: Path | None = None) -> dict[str, frozenset[str]]:
    """Class name -> its words (`word_classes.csv`; the user's rows add words to a class or make new ones)."""
    out: dict[str, set[str]] = defaultdict(set)
    for where, row in data_rows("word_classes.csv", extra):
        name, words = (row.get("class") or "").strip().lower(), _split(row.get("words"))
        if not name or not words:
            raise ConfigError(f"{where}: a word class row needs a class name and words separated by |")
        out[name] |= set(words)
    return {k: frozenset(v) for k, v in out.items()}


def _pattern(where: str, row: dict[str, str], cameo: dict[str, str], classes: dict[str, frozenset[str]]) -> Pattern:
    lemma, pos = (row.get("lemma") or "").strip().lower(), (row.get("pos") or "").strip().upper()
    if not lemma or pos not in POS:
        raise ConfigError(f"{where}: a pattern needs a lemma and a pos of {sorted(POS)}")
    code = (row.get("cameo") or "").strip() or None
    if code is not None and code not in cameo:
        raise ConfigError(f"{where}: CAMEO code {code!r} is not in cameo.csv: use a listed code")
    frames = frozenset(_split(row.get("frames")))
    if frames - FRAMES:
        raise ConfigError(f"{where}: unknown frame(s) {sorted(frames - FRAMES)}: use some of {sorted(FRAMES)}")
    if code is None and not frames & COMPLEMENT_FRAMES:
        raise ConfigError(f"{where}: a pattern without a CAMEO code must have a complement frame")
    cell = (row.get("objects") or "").strip()
    words = frozenset(x for w in _split(cell) for x in _expand(where, w.lstrip("!"), classes))  # "!a|b": all but these
    excluding = cell.startswith("!")
    return Pattern(lemma, pos, frozenset() if excluding else words, words if excluding else frozenset(),
                   frozenset(_split(row.get("particle"))),
                   frozenset(_split(row.get("preps"))), code, frames, where)


@lru_cache(maxsize=1)
def _plover_rows() -> tuple[tuple[str, int, str], ...]:
    return tuple((row["plover"].strip(), int(row["quad"]), row.get("description", "").strip())
                 for _, row in data_rows("plover.csv", None))


def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the codebook's order."""
    return tuple(name for name, _, _ in _plover_rows())


def enumerations() -> dict[str, list[dict[str, object]] | list[str]]:
    """Every enumeration of the record, for front ends: PLOVER types (with quad and description), modalities,
    source types."""
    return {"plover": [{"type": t, "quad": q, "description": d} for t, q, d in _plover_rows()],
            "modalities": list(MODALITIES), "source_types": list(SOURCE_TYPES)}


@lru_cache(maxsize=4)
def load_codebook(extra: Path | None = None) -> Codebook:
    """Load the shipped codebooks plus the user's files in `extra` (once per process and folder)."""
    quads = {}
    for where, row in data_rows("plover.csv", extra):
        try:
            quads[row["plover"].strip()] = int(row["quad"])
        except (KeyError, ValueError):
            raise ConfigError(f"{where}: a PLOVER row needs a type and a quad 1-4") from None
    cameo, modes = {}, {}
    for where, row in data_rows("cameo.csv", extra):
        if row["plover"].strip() not in quads:
            raise ConfigError(f"{where}: PLOVER type {row['plover']!r} is not in plover.csv")
        cameo[row["cameo"].strip()] = row["plover"].strip()
        modes[row["cameo"].strip()] = (row.get("mode") or "").strip()
    frame_codes = {}
    for where, row in data_rows("event_frames.csv", extra):
        if row["cameo"].strip() not in cameo or row["frame"].strip() not in COMPLEMENT_FRAMES:
            raise ConfigError(f"{where}: a frame row needs a complement frame and a CAMEO code from cameo.csv")
        inner = row["inner"].strip()
        if inner not in quads and inner not in cameo:
            raise ConfigError(f"{where}: inner {inner!r} is neither a PLOVER type nor a CAMEO code")
        frame_codes[(row["frame"].strip(), inner)] = row["cameo"].strip()
    grouped: dict[str, list[Pattern]] = defaultdict(list)
    classes = word_classes(extra)
    for where, row in data_rows("event_patterns.csv", extra):
        p = _pattern(where, row, cameo, classes)
        grouped[p.lemma].append(p)
    # the user's rows come last in the files but are tried first
    patterns = {k: tuple(sorted(v, key=lambda p: not p.origin.startswith(str(extra)) if extra else 0))
                for k, v in grouped.items()}
    scale = {}
    for where, row in data_rows("goldstein.csv", extra):
        try:
            scale[row["cameo"].strip()] = float(row["goldstein"])
        except (KeyError, ValueError):
            raise ConfigError(f"{where}: a Goldstein row needs a CAMEO code and a number from -10 to 10") from None
    return Codebook(patterns, cameo, quads, frame_codes, modes, scale, classes, _operations(extra))


def _operations(extra: Path | None) -> tuple[Operation, ...]:
    out = []
    for where, row in data_rows("operations.csv", extra):
        words = tuple(row.get("name", "").lower().split())
        source, target = row.get("source", "").strip(), row.get("target", "").strip()
        since, until = row.get("since", "").strip(), (row.get("until") or "").strip()
        if not words or len(source) != 3 or len(target) != 3 or not ISO_DAY.match(since) or \
                until and not ISO_DAY.match(until):
            raise ConfigError(f"{where}: an operation row needs a name, source and target country codes "
                              "(ISO alpha-3) and a start date YYYY-MM-DD (and an optional end date)")
        out.append(Operation(words, source, target, since, until))
    return tuple(out)
