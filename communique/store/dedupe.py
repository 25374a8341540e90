"""Duplicates: the same text (a hash of its normalised words) and near-duplicates (MinHash over word shingles).

A wire story republished with small edits shares most of its five-word shingles with the original; MinHash
estimates that share from 64 numbers per text, and locality-sensitive banding (16 bands of 4) finds the
candidates in the store by index lookups alone.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["BANDS", "NEAR", "Fingerprint", "fingerprint", "similarity"]

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
NEAR = 0.8  # estimated Jaccard similarity at which two texts are one story
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps to recognise a text again: its hash, MinHash signature and band keys."""

    text_hash: str
    signature: bytes
    bands: tuple[int, ...]  # one key per band; the band number is hashed in, so keys of different bands differ


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@lru_cache(maxsize=256)  # an article is fingerprinted before extraction (Store.known) and again when saved
def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of an article text."""
    from datasketch import MinHash

    words = _words(text)
    text_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    mh = MinHash(num_perm=PERMUTATIONS, seed=1)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    values = np.asarray(mh.hashvalues, dtype=np.uint64)
    bands = tuple(_band_key(b, values[b * ROWS:(b + 1) * ROWS]) for b in range(BANDS))
    return Fingerprint(text_hash, values.tobytes(), bands)


def _band_key(band: int, values: np.ndarray) -> int:
    digest = hashlib.blake2b(band.to_bytes(2, "big") + values.tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)  # fits a SQL BIGINT


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    va, vb = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(va == vb)) if len(va) == len(vb) and len(va) else 0.0
