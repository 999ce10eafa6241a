"""What makes published bytes trustworthy: `SHA256SUMS` per release, one `LATEST` pointer.

A release is complete when its `SHA256SUMS` is written. The latest release is the one that
`LATEST` names, with the hash of that release's `SHA256SUMS`; `LATEST` is written atomically,
last. Nothing is read as published data unless it hashes to what this chain says (the
content-addressed stores of Git and Nix, the commit record of Delta Lake and Iceberg).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

LATEST = "LATEST"
SUMS = "SHA256SUMS"


class NotVerified(RuntimeError):
    """Published bytes that do not hash to what their release says, or have nothing to say it."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_of_stream(handle, block: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(block), b""):
        digest.update(chunk)
    return digest.hexdigest()


def sums_text(hashes: dict[str, str]) -> str:
    """`sha256sum -c` format, names sorted."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items()))


def parse_sums(text: str) -> dict[str, str]:
    """File name → sha256 from a `SHA256SUMS` text; a malformed line is an error."""
    sums = {}
    for number, line in enumerate(text.splitlines(), 1):
        digest, separator, name = line.partition("  ")
        if not separator or len(digest) != 64 or not name or any(c not in "0123456789abcdef" for c in digest):
            raise NotVerified(f"{SUMS} line {number} is not `<sha256>  <file name>`: {line[:120]!r}")
        sums[name] = digest
    return sums


@dataclass(frozen=True)
class Pointer:
    """The content of `LATEST`: which release is the latest, and the hash of its SHA256SUMS."""

    version: str
    sums_sha256: str

    def to_bytes(self) -> bytes:
        return (json.dumps({"version": self.version, "sha256sums": self.sums_sha256}) + "\n").encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Pointer:
        try:
            fields = json.loads(data.decode("utf-8"))
            pointer = cls(str(fields["version"]), str(fields["sha256sums"]))
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise NotVerified(f"{LATEST} is not a release pointer ({type(exc).__name__}: {exc})") from None
        if len(pointer.sums_sha256) != 64 or "/" in pointer.version or pointer.version.startswith("."):
            raise NotVerified(f"{LATEST} is not a release pointer: {data[:200]!r}")
        return pointer
