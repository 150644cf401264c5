"""Near-identical articles (one wire story run by several outlets): MinHash over word shingles.

Method: an article's text is lower-cased and split into words; its shingles are the runs of
:data:`SHINGLE_WORDS` words. Each shingle is hashed once (BLAKE2b, 61 bits) and mapped through
:data:`PERMUTATIONS` universal hash functions ``(a*x + b) mod p``, ``p = 2**61 - 1`` (coefficients derived
from BLAKE2b of fixed names, so signatures are the same on every machine); the signature keeps each
function's minimum. The share of equal signature slots estimates the Jaccard similarity of two articles'
shingle sets. For the index, the signature is cut into :data:`BANDS` bands of :data:`ROWS` slots: two
articles are candidates when one band is equal (locality-sensitive hashing), and near-duplicates when the
estimated similarity is at least :data:`NEAR_DUPLICATE` (with 16 bands of 4 rows, a pair at 0.8 similarity
shares a band with probability 0.9998, a pair at 0.3 with probability 0.12).

An article's **story** is the smallest article id among itself and its near-duplicates: copies of one story
count as one article with several sources. The relation is read from the articles alone, so the stories do
not depend on the order of ingest.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

__all__ = [
    "BANDS",
    "NEAR_DUPLICATE",
    "PERMUTATIONS",
    "ROWS",
    "SHINGLE_WORDS",
    "bands",
    "outlet",
    "signature",
    "similarity",
]

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
NEAR_DUPLICATE = 0.8
_PRIME = (1 << 61) - 1
_MASK = (1 << 61) - 1


def _constant(name: str, index: int) -> int:
    """A fixed pseudo-random coefficient below the prime (the same on every machine and Python)."""
    digest = hashlib.blake2b(f"detente-minhash-{name}-{index}".encode(), digest_size=8).digest()
    return int.from_bytes(digest) % (_PRIME - 1) + 1


_A = tuple(_constant("a", index) for index in range(PERMUTATIONS))
_B = tuple(_constant("b", index) for index in range(PERMUTATIONS))
_WORD = re.compile(r"\w+", re.UNICODE)


def _shingle_hashes(text: str) -> list[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    values = [
        int.from_bytes(hashlib.blake2b(item.encode("utf-8", "surrogatepass"), digest_size=8).digest()) & _MASK
        for item in sorted(shingles)
    ]
    return values


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text (:data:`PERMUTATIONS` integers below 2**61)."""
    hashes = _shingle_hashes(text)
    # (a*x + b) mod p in Python's exact integers
    return tuple(min((a * x + b) % _PRIME for x in hashes) for a, b in zip(_A, _B, strict=True))


def bands(sig: tuple[int, ...]) -> list[str]:
    """The LSH band keys of a signature: ``"<band>:<digest of its rows>"``."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets."""
    return sum(1 for x, y in zip(first, second, strict=True) if x == y) / PERMUTATIONS


def outlet(source: str | None, url: str | None) -> str | None:
    """The outlet of an article: its ``source``, else its URL's host without ``www.``; None when neither."""
    if source and source.strip():
        return source.strip().lower()
    if url:
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None
