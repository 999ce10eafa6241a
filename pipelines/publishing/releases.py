"""Versioned releases in an output folder, and the one pointer that names the latest.

    outputs/
      LATEST              {"version": "1.2.0", "sha256sums": "<hash of releases/1.2.0/SHA256SUMS>"}
      indicators.parquet  indicators.csv  articles.parquet  articles.csv  datapackage.json
      releases/1.1.0/     the files, README.md and SHA256SUMS: immutable
      releases/1.2.0/ …
      quarantine/<time>/  what failed verification, moved aside, never deleted

A release is complete when its SHA256SUMS is written (last in its folder). The latest release
is the one `LATEST` names; `LATEST` is written atomically, after everything else. The top-level
files are conveniences copied from that release, and nothing here trusts them: the reuse
cache, the change notes and `load_indicators` read the release that `LATEST` names and check
every file against its SHA256SUMS, and its SHA256SUMS against `LATEST`.

Before each publication, under the lock, `recover` puts the folder back in order: a killed
writer's temporary files and unfinished folder go; a complete release newer than `LATEST`
whose files verify becomes the latest; a release or top-level file that fails verification is
moved to `quarantine/` (and said so in the log), and the top-level files are rebuilt from
the latest release.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as arrow
import pyarrow.parquet as pq
from upath import UPath

from pipelines.settings import HOMEPAGE, RELEASE_TIME
from schemas.contract import (
    ARTICLES_ARROW_SCHEMA,
    DATASET_MAJOR,
    INDICATORS_ARROW_SCHEMA,
    OBSERVATIONS_ARROW_SCHEMA,
    ArticlesModel,
    IndicatorsModel,
    ObservationsModel,
)
from schemas.export import table_schema

from .files import write_csv, write_parquet
from .integrity import LATEST, SUMS, NotVerified, Pointer, parse_sums, sha256_hex, sha256_of_stream, sums_text
from .observations import conflicts
from .outofcore import article_changes, keyed_changes
from .rowfiles import RowFile, rows_of
from .storage import PublishBusy, open_storage
from .workbook import WORKBOOK, write_workbook

__all__ = [
    "LATEST",
    "NotVerified",
    "OutputFolder",
    "PublishBusy",
    "PublishResult",
    "ReleaseChanges",
    "TABLES",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublishedTable:
    """One table of every release: written as Parquet (with its Arrow schema) and CSV."""

    name: str
    title: str
    arrow_schema: arrow.Schema
    model: type

    @property
    def files(self) -> tuple[str, ...]:
        return (f"{self.name}.parquet", f"{self.name}.csv")


# The tables a release holds; a new table is one more entry here.
TABLES = (
    PublishedTable("indicators", "Indicators", INDICATORS_ARROW_SCHEMA, IndicatorsModel),
    PublishedTable("articles", "Articles", ARTICLES_ARROW_SCHEMA, ArticlesModel),
    PublishedTable("observations", "Observations", OBSERVATIONS_ARROW_SCHEMA, ObservationsModel),
)
DATA_FILES = tuple(name for table in TABLES for name in table.files)
# Tables added after the first releases: a release that lists none of a table's files was
# made before the table existed, and is complete without them.
LATER_TABLES = ("observations",)
LATER_FILES = (WORKBOOK,)
MANIFEST = "datapackage.json"
# The latest release's files copied to the top of the output folder, the manifest last.
TOP_FILES = (*DATA_FILES, WORKBOOK, MANIFEST)
# Every file of a release folder; SHA256SUMS is written last and marks it complete.
RELEASE_FILES = (*DATA_FILES, WORKBOOK, MANIFEST, "README.md", SUMS)
RELEASES = "releases"
QUARANTINE = "quarantine"

PACKAGE_NAME = "china-economic-indicators"
# Fixed once: every release is a version of the same package, so a catalogue sees updates of one.
PACKAGE_ID = "urn:uuid:50392b92-f96b-47c0-824c-a3008c3f5863"
PACKAGE_TITLE = "Economic indicators from Chinese government and press articles"
PACKAGE_DESCRIPTION = (
    "Every figure stated in a folder of Chinese government, ministry and press articles, one row "
    "per mention: its value in the base unit, unit, bound, measure, year and metric, with the "
    "sentence and character offsets it was read from and the rules that read it; and one row "
    "per raw file, read or set aside with its reason."
)
KEYWORDS = ["China", "economy", "economic indicators", "statistics", "press articles", "text extraction"]
CONTRIBUTORS = [
    {"title": "The china-indicators project (extraction rules and pipeline)", "roles": ["creator"]}
]
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
SOURCE = {
    "title": "Chinese provincial government, ministry and newspaper articles (the raw folder)",
    "description": "Figures read by rules from the articles' text; see the articles table for each file.",
}

# Called with the name of each write point of publication and recovery ("write X",
# "replace X", "seal X") just before it happens: the seam through which a test kills a
# real process at every one of them (tests/test_publish_trust.py). None in production.
write_point_hook: Callable[[str], None] | None = None


# Where a release's datapackage.json records what it changed, and how many names of each
# list it keeps (the counts are whole; the articles table has every row).
CHANGES = "x-changes"
CHANGES_LISTED = 200
# The lists a release records, in the order its notes give them.
CHANGE_LISTS = ("articles_added", "articles_changed", "articles_removed", "files_newly_set_aside")
ARTICLE_COUNTS = (
    "articles_added",
    "articles_removed",
    "articles_changed",
    "files_set_aside",
    "files_newly_set_aside",
)


@dataclass(frozen=True)
class ReleaseChanges:
    """What a release changed since the one before, as its datapackage.json records it
    (`x-changes`): the counts of its notes, and the ids of the articles added, changed and
    removed and the names of the files newly set aside (the first `CHANGES_LISTED` of each,
    sorted). `recorded` is False for a release made before releases recorded them."""

    version: str
    created: str
    since: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    recorded: bool = True

    def record(self) -> dict:
        """The `x-changes` entry of the release's datapackage.json."""
        return {
            "since": self.since,
            "counts": self.counts,
            **{name: self.lists.get(name, []) for name in CHANGE_LISTS},
        }

    @classmethod
    def of_manifest(cls, manifest: dict) -> ReleaseChanges:
        """A release's changes as its (verified) datapackage.json records them."""
        record = manifest.get(CHANGES)
        version, created = str(manifest.get("version", "")), str(manifest.get("created", ""))
        if not isinstance(record, dict):
            return cls(version, created, recorded=False)
        counts = {str(k): int(v) for k, v in (record.get("counts") or {}).items()}
        lists = {name: [str(i) for i in record.get(name) or []] for name in CHANGE_LISTS}
        since = record.get("since")
        return cls(version, created, None if since is None else str(since), counts, lists)


@dataclass
class PublishResult:
    published: bool
    version: str
    folder: str
    files: dict[str, dict] = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)
    recovered: list[str] = field(default_factory=list)
    # the latest release's changes after this publication, whether it made that release or not
    latest: ReleaseChanges | None = None


@dataclass(frozen=True)
class Release:
    """A complete release whose SHA256SUMS has been read (and checked against LATEST where it names it)."""

    version: str
    sums: dict[str, str]
    sums_sha256: str

    @property
    def folder(self) -> str:
        return f"{RELEASES}/{self.version}"


class OutputFolder:
    """The published data: releases, the LATEST pointer and the top-level copies, in a local
    folder or an object store (see `storage.py`)."""

    def __init__(self, location, lock_timeout: float = 600.0, storage_options: dict | None = None) -> None:
        self.store = open_storage(location, storage_options, lock_timeout)

    @property
    def root(self):
        """The folder's path (a `Path` for a local folder, a `UPath` for an object store)."""
        return self.store.root

    # --- reading, verified -------------------------------------------------------------

    def pointer(self) -> Pointer | None:
        """What LATEST says, or None where nothing is published; `NotVerified` if it is garbled."""
        if not self.store.exists(LATEST):
            return None
        return Pointer.from_bytes(self.store.read_bytes(LATEST))

    def release(self, version: str, sums_sha256: str | None = None) -> Release:
        """A release's SHA256SUMS, checked against `sums_sha256` where given."""
        name = f"{RELEASES}/{version}/{SUMS}"
        if not self.store.exists(name):
            raise NotVerified(f"release {version} in {self.store.location} has no {SUMS}: it is not complete")
        data = self.store.read_bytes(name)
        digest = sha256_hex(data)
        if sums_sha256 is not None and digest != sums_sha256:
            raise NotVerified(
                f"release {version}'s {SUMS} in {self.store.location} hashes to {digest}, "
                f"but {LATEST} says {sums_sha256}"
            )
        return Release(version, parse_sums(data.decode("utf-8")), digest)

    def latest_release(self) -> Release | None:
        """The release LATEST names, its SHA256SUMS verified; None where nothing is published."""
        pointer = self.pointer()
        return None if pointer is None else self.release(pointer.version, pointer.sums_sha256)

    def verify_file(self, release: Release, name: str) -> None:
        """Raise `NotVerified` unless the release's file `name` hashes to its SHA256SUMS line."""
        wanted = release.sums.get(name)
        path = f"{release.folder}/{name}"
        if wanted is None:
            raise NotVerified(f"release {release.version} lists no {name} in its {SUMS}")
        if not self.store.exists(path):
            raise NotVerified(f"release {release.version} has lost its {name}")
        actual = self._file_sha256(path)
        if actual != wanted:
            raise NotVerified(
                f"{self.store.location}/{path} hashes to {actual}, but its {SUMS} says {wanted}: "
                "the file was changed or damaged after publication"
            )

    def _file_sha256(self, name: str) -> str:
        with self.store.open_read(name) as handle:
            return sha256_of_stream(handle)

    def read_verified_bytes(self, name: str, release: Release | None = None) -> bytes:
        """A file of a release (the latest by default), read once and checked against its hash."""
        release = release or self.latest_release()
        if release is None:
            raise NotVerified(f"nothing is published in {self.store.location}")
        wanted = release.sums.get(name)
        data = self.store.read_bytes(f"{release.folder}/{name}")
        if wanted is None or sha256_hex(data) != wanted:
            raise NotVerified(
                f"{self.store.location}/{release.folder}/{name} does not hash to what its {SUMS} says: "
                "the file was changed or damaged after publication"
            )
        return data

    def _stage_verified(self, name: str, release: Release, staging: Path) -> Path:
        """A release's file copied to a local staging folder, streamed and hashed on the way:
        `NotVerified` unless it hashes to its SHA256SUMS line."""
        staged = staging / name.replace("/", "_")
        digest = hashlib.sha256()
        with self.store.open_read(f"{release.folder}/{name}") as reading, open(staged, "wb") as writing:
            for block in iter(lambda: reading.read(1 << 20), b""):
                digest.update(block)
                writing.write(block)
        if digest.hexdigest() != release.sums.get(name):
            raise NotVerified(
                f"{self.store.location}/{release.folder}/{name} does not hash to what its {SUMS} says: "
                "the file was changed or damaged after publication"
            )
        return staged

    def latest_manifest(self) -> dict | None:
        """The latest release's datapackage.json, verified; None where nothing is published."""
        release = self.latest_release()
        if release is None:
            return None
        return json.loads(self.read_verified_bytes(MANIFEST, release).decode("utf-8"))

    def read_table(
        self, name: str, version: str | None = None, article_ids: set[str] | None = None
    ) -> pd.DataFrame | None:
        """A published table (`indicators` or `articles`) of the latest or a given release,
        checked against its hash first; None where there is no such release. `article_ids`
        reads only those articles' rows (a batch's share), not the whole table."""
        found = self._verified_table(name, version)
        if found is None:
            return None
        path, options = found
        if article_ids is None:
            return pd.read_parquet(path, storage_options=options)
        wanted = [("article_id", "in", sorted(article_ids))] if article_ids else [("article_id", "in", [""])]
        return pd.read_parquet(path, storage_options=options, filters=wanted)

    def _verified_table(self, name: str, version: str | None) -> tuple[str, dict | None] | None:
        """(path, storage options) of a release's table, once its file hashes to its
        SHA256SUMS line; None where there is no such release."""
        release = self.latest_release() if version is None else self.release(version)
        if release is None:
            return None
        file = f"{name}.parquet"
        self.verify_file(release, file)
        return self.store.pandas_path(f"{release.folder}/{file}")

    def release_versions(self) -> list[str]:
        """Complete releases, oldest first: a release is complete once its SHA256SUMS is written."""
        versions = [v for v in self.store.folders(RELEASES) if self.store.exists(f"{RELEASES}/{v}/{SUMS}")]
        return sorted(versions, key=_version_key)

    def release_files(self, version: str) -> dict[str, dict]:
        """Each file of a release with its size and hash, from its SHA256SUMS."""
        try:
            release = self.release(version)
        except NotVerified:
            return {}
        return {
            name: {"bytes": self.store.size(f"{release.folder}/{name}"), "sha256": digest}
            for name, digest in release.sums.items()
            if self.store.exists(f"{release.folder}/{name}")
        }

    # --- putting the folder in order -----------------------------------------------------

    def lock(self):
        return self.store.lock()

    def _reach(self, point: str) -> None:
        if write_point_hook is not None:
            write_point_hook(point)

    def _write(self, name: str, data: bytes) -> None:
        self._reach(f"write {name}")
        self.store.write_bytes(name, data, before_replace=lambda: self._reach(f"replace {name}"))

    def _write_staged(self, name: str, source: Path) -> None:
        """`_write` of a staged file, streamed, with the same write points."""
        self._reach(f"write {name}")
        self.store.write_file(name, source, before_replace=lambda: self._reach(f"replace {name}"))

    def _quarantine(self, name: str, why: str, actions: list[str]) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        destination = f"{QUARANTINE}/{stamp}/{name}"
        self._reach(f"quarantine {name}")
        self.store.move(name, destination)
        actions.append(f"moved {name} to {destination}: {why}")

    def recover(self) -> list[str]:
        """Put the output folder in order before publishing; what was done, in words.

        Never deletes published data: what fails verification goes to `quarantine/`. Only a
        killed writer's temporary files, and a release folder it left without SHA256SUMS
        (newer than every complete release and never sealed), are removed."""
        actions: list[str] = []
        for leftover in self.store.leftovers():
            self.store.remove(leftover)
            actions.append(f"removed an unfinished file {leftover}")
        try:
            pointer = self.pointer()
        except NotVerified as exc:
            self._quarantine(LATEST, str(exc), actions)
            pointer = None
        complete = self._put_release_folders_in_order(pointer, actions)
        latest = self._choose_latest(pointer, complete, actions)
        self._rebuild_top_files(latest, complete, actions)
        if latest is None and pointer is not None:
            self._quarantine(
                LATEST, f"it names release {pointer.version}, and no complete release verifies", actions
            )
        if latest is not None:
            if self.store.seals and not self.store.is_sealed(latest.folder):
                self._reach(f"seal {latest.folder}")
                self.store.seal(latest.folder)
                actions.append(f"sealed release {latest.version} (made its files read-only)")
            if pointer is None or (pointer.version, pointer.sums_sha256) != (
                latest.version,
                latest.sums_sha256,
            ):
                self._write(LATEST, Pointer(latest.version, latest.sums_sha256).to_bytes())
                actions.append(f"{LATEST} now names release {latest.version}")
        for action in actions:
            log.warning("output folder %s: %s", self.store.location, action)
        return actions

    def _put_release_folders_in_order(
        self, pointer: Pointer | None, actions: list[str]
    ) -> dict[str, Release]:
        """Complete releases by version; folders without a readable SHA256SUMS dealt with."""
        complete: dict[str, Release] = {}
        unfinished = []
        for version in self.store.folders(RELEASES):
            try:
                complete[version] = self.release(version)
            except NotVerified as exc:
                unfinished.append((version, exc))
        newest = max((_version_key(v) for v in complete), default=None)
        if pointer is not None:
            newest = max(newest or (), _version_key(pointer.version))
        for version, problem in unfinished:
            folder = f"{RELEASES}/{version}"
            never_published = (newest is None or _version_key(version) > newest) and not self.store.is_sealed(
                folder
            )
            if never_published and not self.store.exists(f"{folder}/{SUMS}"):
                self.store.remove(folder)
                actions.append(
                    f"removed the unfinished release folder {version} (a run stopped before its {SUMS})"
                )
            else:
                self._quarantine(folder, f"not a complete release: {problem}", actions)
        return complete

    @staticmethod
    def _expected_files(release: Release) -> list[str]:
        """The files a complete release holds: every table's, but for a later table that
        the release predates (it lists none of that table's files)."""
        absent = {
            name
            for table in TABLES
            if table.name in LATER_TABLES and not any(f in release.sums for f in table.files)
            for name in table.files
        }
        absent |= {name for name in LATER_FILES if name not in release.sums}
        return [name for name in RELEASE_FILES if name not in absent]

    def _verifies(self, release: Release) -> str | None:
        """None where every file of the release hashes to its SHA256SUMS line, else the problem."""
        missing = [
            name for name in self._expected_files(release) if name != SUMS and name not in release.sums
        ]
        if missing:
            return f"its {SUMS} lists no {', '.join(missing)}"
        for name in release.sums:
            try:
                self.verify_file(release, name)
            except NotVerified as exc:
                return str(exc)
        return None

    def _choose_latest(
        self, pointer: Pointer | None, complete: dict[str, Release], actions
    ) -> Release | None:
        """The newest complete release whose files all verify: one newer than LATEST is a run
        killed after its SHA256SUMS; older ones count only where every newer one failed.
        A release that fails verification is quarantined."""
        if pointer is not None and pointer.version in complete:
            named = complete[pointer.version]
            if named.sums_sha256 != pointer.sums_sha256:
                del complete[pointer.version]
                why = f"its {SUMS} does not hash to what {LATEST} says ({pointer.sums_sha256})"
                self._quarantine(named.folder, why, actions)
        elif pointer is not None:
            actions.append(f"{LATEST} named release {pointer.version}, which is not complete in {RELEASES}/")
        for version in sorted(complete, key=_version_key, reverse=True):
            problem = self._verifies(complete[version])
            if problem is None:
                return complete[version]
            release = complete.pop(version)
            self._quarantine(release.folder, f"release {version} fails verification: {problem}", actions)
        return None

    def _rebuild_top_files(self, latest: Release | None, complete: dict[str, Release], actions) -> None:
        """The top-level files made equal to the latest release's; one that matches no
        published file is quarantined before it is replaced."""
        published = {digest for release in complete.values() for digest in release.sums.values()}
        for name in TOP_FILES:
            wanted = latest.sums.get(name) if latest is not None else None
            present = self.store.exists(name)
            actual = self._file_sha256(name) if present else None
            if actual is not None and actual == wanted:
                continue
            if actual is not None and actual not in published:
                self._quarantine(name, "it matches no file of any release", actions)
            if wanted is not None:
                with tempfile.TemporaryDirectory(prefix="indicators-restore-") as staging:
                    self._write_staged(name, self._stage_verified(name, latest, Path(staging)))
                actions.append(f"restored the latest {name} from release {latest.version}")

    # --- publishing --------------------------------------------------------------------

    def next_version(self) -> str:
        """`1.N.0`: the minor number counts releases, quarantined ones included (a version is
        never given twice); the major is the contract's."""
        seen = list(self.store.folders(RELEASES))
        for stamp in self.store.folders(QUARANTINE):
            seen += self.store.folders(f"{QUARANTINE}/{stamp}/{RELEASES}")
        minors = [key[1] for key in map(_version_key, seen) if len(key) == 3 and key[0] == DATASET_MAJOR]
        return f"{DATASET_MAJOR}.{max(minors, default=0) + 1}.0"

    def publish(
        self, tables: Mapping[str, object], extractor_version: str, created: datetime | None = None
    ) -> PublishResult:
        """Publish a new release if the tables (one per entry of `TABLES`: a frame, or a
        `RowFile` of rows on disk) differ from the latest.

        Every file is written to a local staging folder first, one batch of rows at a time,
        so no table is held whole; then the release's files are copied in, its SHA256SUMS
        last, which marks it complete; then the top-level copies, then LATEST, which makes
        it the latest.
        """
        missing = [t.name for t in TABLES if t.name not in tables]
        if missing:
            raise ValueError(f"publish needs the tables {', '.join(missing)}")
        rows = {t.name: rows_of(tables[t.name]) for t in TABLES}
        with self.lock():
            recovered = self.recover()
            manifest = self.latest_manifest()
            fingerprint = content_fingerprint(*(rows[t.name] for t in TABLES))
            if manifest and manifest.get("x-content-sha256") == fingerprint:
                version = manifest["version"]
                latest_changes = ReleaseChanges.of_manifest(manifest)
                return PublishResult(
                    False,
                    version,
                    f"{self.store.location}/{RELEASES}/{version}",
                    changes=dict(latest_changes.counts),
                    recovered=recovered,
                    latest=latest_changes,
                )
            version = self.next_version()
            created = created or _release_time()
            previous_version = manifest["version"] if manifest else None
            indicators, articles = rows["indicators"], rows["articles"]
            latest = self.latest_release() if manifest else None
            old = {
                t.name: self.table_rows(t.name) if latest and f"{t.name}.parquet" in latest.sums else None
                for t in TABLES
            }
            changes, change_text, lists = describe_changes(
                old["indicators"],
                old["articles"],
                indicators,
                articles,
                old.get("observations"),
                rows.get("observations"),
            )
            recorded = ReleaseChanges(
                version,
                _stamp(created),
                previous_version,
                changes,
                {name: ids[:CHANGES_LISTED] for name, ids in lists.items()},
            )
            metadata = {
                "dataset_name": PACKAGE_NAME,
                "dataset_version": version,
                "extractor_version": extractor_version,
            }
            with tempfile.TemporaryDirectory(prefix="indicators-release-") as staging_folder:
                staging = Path(staging_folder)
                staged: dict[str, Path] = {}
                units_seen: set[str] = set()
                for table in TABLES:
                    staged[f"{table.name}.parquet"] = staging / f"{table.name}.parquet"
                    with open(staged[f"{table.name}.parquet"], "wb") as handle:
                        frames = rows[table.name].frames()
                        if table.name == "indicators":  # its units, noted on the way, for the package
                            frames = _noting_units(frames, units_seen)
                        write_parquet(frames, table.arrow_schema, metadata, handle)
                    staged[f"{table.name}.csv"] = staging / f"{table.name}.csv"
                    with open(staged[f"{table.name}.csv"], "wb") as handle:
                        write_csv(rows[table.name].frames(), handle)
                files = {name: _file_facts(path) for name, path in staged.items()}
                staged[WORKBOOK] = staging / WORKBOOK  # for spreadsheets; not a resource of the package
                write_workbook({t.name: rows[t.name].frames() for t in TABLES}, staged[WORKBOOK], created)
                units = sorted(units_seen)
                package = data_package(
                    files, version, extractor_version, created, fingerprint, units, recorded.record()
                )
                small = {
                    MANIFEST: (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
                    "README.md": release_readme(
                        version, previous_version, created, change_text, indicators.n_rows, articles
                    ).encode("utf-8"),
                }
                for name, data in small.items():
                    staged[name] = staging / name
                    staged[name].write_bytes(data)
                    files[name] = {"bytes": len(data), "sha256": sha256_hex(data)}
                files[WORKBOOK] = _file_facts(staged[WORKBOOK])
                sums = sums_text({name: info["sha256"] for name, info in files.items()}).encode("utf-8")

                folder = f"{RELEASES}/{version}"
                for name in staged:
                    self._write_staged(f"{folder}/{name}", staged[name])
                self._write(f"{folder}/{SUMS}", sums)  # complete now
                self._reach(f"seal {folder}")
                self.store.seal(folder)
                for name in TOP_FILES:  # conveniences: readers check them against LATEST
                    self._write_staged(name, staged[name])
            self._write(LATEST, Pointer(version, sha256_hex(sums)).to_bytes())  # the latest now
            return PublishResult(
                True, version, f"{self.store.location}/{folder}", files, changes, recovered, recorded
            )

    def table_rows(self, name: str, version: str | None = None):
        """A published table as rows on disk (a `RowFile`), checked against its hash first,
        to be read batch by batch; None where there is no such release."""
        found = self._verified_table(name, version)
        if found is None:
            return None
        path, options = found
        with UPath(path, **(options or {})).open("rb") as handle:
            n_rows = pq.ParquetFile(handle).metadata.num_rows
        return RowFile(path, n_rows, options)


def _noting_units(frames, units: set[str]):
    """The frames as they are, each one's units added to `units`: no second pass for them."""
    for frame in frames:
        units.update(frame["unit"].dropna())
        yield frame


def _file_facts(path: Path) -> dict:
    with open(path, "rb") as handle:
        return {"bytes": path.stat().st_size, "sha256": sha256_of_stream(handle)}


def _release_time() -> datetime:
    """Now, or `INDICATORS_RELEASE_TIME` (ISO 8601) where a reproducible build sets it."""
    fixed = RELEASE_TIME.read()
    if fixed:
        return datetime.fromisoformat(fixed).astimezone(UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (-1,)


def content_fingerprint(*tables) -> str:
    """What the release says, independent of its version: equal tables, equal prints.

    Row hashes are vectorised (pandas' fixed-key hash) and taken batch by batch, so an
    unchanged archive of any size is recognised without writing its files, or holding them."""
    digest = hashlib.sha256()
    for table in tables:
        for number, frame in enumerate(rows_of(table).frames()):
            if number == 0:
                digest.update("\x1f".join(f"{c}:{t}" for c, t in frame.dtypes.astype(str).items()).encode())
            digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes())
    return digest.hexdigest()


FORMAT_TITLES = {"parquet": "Parquet", "csv": "CSV"}
FORMAT_NOTES = {
    "parquet": "Parquet with the contract's Arrow schema: the file to load.",
    "csv": (
        "UTF-8 with a byte-order mark (for spreadsheets), CRLF line ends, RFC 4180 quoting; a text "
        "cell a spreadsheet would run as a formula starts with an added '. Read period and the "
        "ids as text (the README gives each reader's options)."
    ),
}
# The CSV as written by `csv_bytes`: RFC 4180, a `"` inside a cell doubled.
CSV_DIALECT = {
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
}


def _stamp(created: datetime) -> str:
    """A release's `created` as its datapackage.json writes it (RFC 3339, `Z`)."""
    return created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def data_package(files, version, extractor_version, created, fingerprint, units, changes=None) -> dict:
    """A Frictionless Data Package that meets the v2.0 profile it names, describing every file
    of a release. Both formats are tables; a Parquet resource has no `bytes`, because
    frictionless reads it with pyarrow, counts none and would report a mismatch: its hash is
    checked by SHA256SUMS, and frictionless checks its rows against the schema. `changes`
    (`ReleaseChanges.record()`) is what the release changed, kept as `x-changes`."""
    units = units or None  # the units the indicators table holds; `files`: name → bytes, sha256
    described = {table.name: table for table in TABLES}
    schemas = {
        table.name: table_schema(
            table.model, table.arrow_schema, units if table.name == "indicators" else None
        )
        for table in TABLES
    }
    resources = []
    for name, facts in files.items():
        table, _, fmt = name.partition(".")
        about = described[table]
        resource = {
            "name": f"{table}-{fmt}" if fmt == "parquet" else table,
            "type": "table",
            "path": name,
            "format": fmt,
            "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
            "title": f"{about.title} ({FORMAT_TITLES[fmt]})",
            "description": f"{about.model.__doc__} {FORMAT_NOTES[fmt]}",
        }
        if fmt == "csv":
            resource["bytes"] = facts["bytes"]
            resource["encoding"] = "utf-8"
            resource["dialect"] = CSV_DIALECT
        resource["hash"] = f"sha256:{facts['sha256']}"
        resource["schema"] = schemas[table]
        resources.append(resource)
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "id": PACKAGE_ID,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "version": version,
        "created": _stamp(created),
        "keywords": KEYWORDS,
        "contributors": CONTRIBUTORS,
        "licenses": [LICENSE],
        "sources": [SOURCE],
        "x-extractor-version": extractor_version,
        "x-content-sha256": fingerprint,
        "resources": resources,
    }
    if changes is not None:
        package[CHANGES] = changes
    homepage = HOMEPAGE.read()
    if homepage:
        package["homepage"] = homepage
    return package


_ROW_KEY = ["article_id", "char_start", "char_end", "value"]
_ROW_READING = ["unit", "qualifier", "measure", "period", "metric"]


def describe_changes(
    old_rows, old_articles, rows, articles, old_observations=None, observations=None
) -> tuple[dict[str, int], str, dict[str, list[str]]]:
    """What changed since the previous release: articles (read, `ok`) added, removed and
    changed; files set aside, apart; rows added, removed and changed; observations added,
    removed and changed, and those in conflict. The row tables may be frames or rows on
    disk (`RowFile`); the others are frames. Returns the counts, the notes' text, and the
    sorted lists of `CHANGE_LISTS` (article ids, file names)."""
    counted, listed = article_changes(old_articles, articles, CHANGES_LISTED, ARTICLES_ARROW_SCHEMA)

    reading = "row(" + ", ".join(f"coalesce(CAST({c} AS VARCHAR), '')" for c in _ROW_READING) + ")"
    compared = keyed_changes(old_rows, rows, _ROW_KEY, reading, INDICATORS_ARROW_SCHEMA)
    changed_rows, added_rows, removed_rows = compared["changed"], compared["added"], compared["removed"]
    observed = _observation_changes(old_observations, observations)
    changes = {
        **{name: counted[name] for name in ARTICLE_COUNTS},
        "rows_added": added_rows,
        "rows_removed": removed_rows,
        "rows_changed": changed_rows,
        **observed,
    }
    lines = [
        f"- articles added: {counted['articles_added']}" + _names(listed, counted, "articles_added"),
        f"- articles removed: {counted['articles_removed']}" + _names(listed, counted, "articles_removed"),
        f"- articles changed: {counted['articles_changed']}" + _names(listed, counted, "articles_changed"),
        f"- files set aside (not articles; see the articles table's `status` and `reason`): "
        f"{counted['files_set_aside']}, of them new: {counted['files_newly_set_aside']}"
        + _names(listed, counted, "files_newly_set_aside"),
        f"- rows added: {changes['rows_added']}",
        f"- rows removed: {changes['rows_removed']}",
        f"- rows changed: {changes['rows_changed']}",
        f"- observations added: {observed['observations_added']}",
        f"- observations removed: {observed['observations_removed']}",
        f"- observations changed: {observed['observations_changed']}",
        f"- observations in conflict (mentions that disagree): {observed['observations_in_conflict']}",
    ]
    return changes, "\n".join(lines), {name: listed[name] for name in CHANGE_LISTS}


def _observation_changes(old, new) -> dict[str, int]:
    """Observations added, removed, changed (value or agreement) and in conflict, by id."""
    compared = keyed_changes(old, new, ["observation_id"], "row(value, agreement)", OBSERVATIONS_ARROW_SCHEMA)
    return {
        "observations_added": compared["added"],
        "observations_removed": compared["removed"],
        "observations_changed": compared["changed"],
        "observations_in_conflict": conflicts(new, 0)[0] if new is not None else 0,
    }


# Line breaks and controls that would end a code span or start a new block: an article id
# is a file name, written by whoever fills the raw folder.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_BACKTICKS = re.compile(r"`+")


def markdown_literal(text: str) -> str:
    """`text` as a Markdown code span, shown as written: no link, image, emphasis or heading
    is made of it (its fence is longer than any run of backticks inside)."""
    text = _CONTROLS.sub(" ", text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _names(listed: dict[str, list[str]], counted: dict[str, int], name: str, limit: int = 20) -> str:
    ids, total = listed[name], counted[name]
    if not ids:
        return ""
    shown = ", ".join(markdown_literal(i) for i in ids[:limit])
    more = f" and {total - limit} more" if total > limit else ""
    return f" ({shown}{more})"


def release_readme(version, previous, created, change_text, n_indicators: int, articles) -> str:
    articles = articles if isinstance(articles, pd.DataFrame) else articles.frame
    ok = int((articles["status"] == "ok").sum()) if len(articles) else 0
    since = f"since release {previous}" if previous else "(first release)"
    return (
        f"# {PACKAGE_TITLE}, release {version}\n\n"
        f"Published {created.strftime('%Y-%m-%d %H:%M:%S UTC')}: {n_indicators} indicator rows "
        f"from {ok} articles ({len(articles)} raw files).\n\n"
        f"## What changed {since}\n\n{change_text}\n\n"
        "## Files\n\n"
        "`indicators.parquet` / `indicators.csv`: one row per indicator mention. "
        "`articles.parquet` / `articles.csv`: one row per raw file. `datapackage.json` describes "
        "every file (title, schema, sha256) as a Data Package v2.0; `SHA256SUMS` lists the hashes "
        "(`sha256sum -c SHA256SUMS`).\n"
    )
