"""Versioned releases in an output folder.

    outputs/
      indicators.parquet  indicators.csv  articles.parquet  articles.csv  datapackage.json
      releases/1.1.0/     the same files, SHA256SUMS and README.md: immutable
      releases/1.2.0/ …

A run that changes the data writes a new release folder, its SHA256SUMS last (a release
without one is unfinished and ignored), and only then replaces the latest files at the top,
each atomically, `datapackage.json` last. A run that changes nothing publishes nothing. A
run killed midway leaves the previous release as the latest; the next run clears what the
killed one left and repairs the latest files from the newest complete release.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandas as pd

from pipelines.settings import RELEASE_TIME
from schemas.contract import (
    ARTICLES_ARROW_SCHEMA,
    DATASET_MAJOR,
    INDICATORS_ARROW_SCHEMA,
    ArticlesModel,
    IndicatorsModel,
)
from schemas.export import table_schema

from .files import csv_bytes, parquet_bytes, sha256_hex
from .storage import PublishBusy, open_storage

__all__ = ["OutputFolder", "PublishBusy", "PublishResult"]

log = logging.getLogger(__name__)

DATA_FILES = ("indicators.parquet", "indicators.csv", "articles.parquet", "articles.csv")
MANIFEST = "datapackage.json"
# Every file of a release folder; SHA256SUMS is written last and marks it complete.
RELEASE_FILES = (*DATA_FILES, MANIFEST, "README.md", "SHA256SUMS")
RELEASES = "releases"

PACKAGE_NAME = "china-economic-indicators"
PACKAGE_TITLE = "Economic indicators from Chinese government and press articles"
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
SOURCE = {
    "title": "Chinese provincial government, ministry and newspaper articles (the raw folder)",
    "description": "Figures read by rules from the articles' text; see the articles table for each file.",
}


@dataclass
class PublishResult:
    published: bool
    version: str
    folder: str
    files: dict[str, dict] = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)


class OutputFolder:
    """The published data: latest files at the top, immutable releases below, in a local
    folder or an object store (see `storage.py`)."""

    def __init__(self, location, lock_timeout: float = 600.0, storage_options: dict | None = None) -> None:
        self.store = open_storage(location, storage_options, lock_timeout)

    @property
    def root(self):
        """The folder's path (a `Path` for a local folder, a `UPath` for an object store)."""
        return self.store.root

    # --- reading -----------------------------------------------------------------------

    def latest_manifest(self) -> dict | None:
        if not self.store.exists(MANIFEST):
            return None
        return json.loads(self.store.read_bytes(MANIFEST).decode("utf-8"))

    def release_versions(self) -> list[str]:
        """Complete releases, oldest first: a release is complete once its SHA256SUMS is written."""
        versions = [
            v for v in self.store.folders(RELEASES) if self.store.exists(f"{RELEASES}/{v}/SHA256SUMS")
        ]
        return sorted(versions, key=_version_key)

    def release_files(self, version: str) -> dict[str, dict]:
        """Each file of a release with its size and hash, from its SHA256SUMS."""
        folder = f"{RELEASES}/{version}"
        if not self.store.exists(f"{folder}/SHA256SUMS"):
            return {}
        sums = _parse_sums(self.store.read_bytes(f"{folder}/SHA256SUMS").decode("utf-8"))
        return {
            name: {"bytes": self.store.size(f"{folder}/{name}"), "sha256": digest}
            for name, digest in sums.items()
        }

    def read_table(self, name: str, version: str | None = None) -> pd.DataFrame | None:
        """A published table (`indicators` or `articles`) of the latest or a given release."""
        file = f"{name}.parquet" if version is None else f"{RELEASES}/{version}/{name}.parquet"
        if not self.store.exists(file):
            return None
        path, options = self.store.pandas_path(file)
        return pd.read_parquet(path, storage_options=options)

    # --- publishing --------------------------------------------------------------------

    def lock(self):
        return self.store.lock()

    def recover(self) -> list[str]:
        """Clear what a killed run left and make the latest files match the newest release."""
        actions = []
        for folder in self.store.folders(RELEASES):
            if not self.store.exists(f"{RELEASES}/{folder}/SHA256SUMS"):
                self.store.remove(f"{RELEASES}/{folder}")
                actions.append(f"removed the unfinished release folder {folder}")
        for leftover in self.store.leftovers():
            self.store.remove(leftover)
            actions.append(f"removed an unfinished file {leftover}")
        versions = self.release_versions()
        if versions:
            newest = f"{RELEASES}/{versions[-1]}"
            sums = _parse_sums(self.store.read_bytes(f"{newest}/SHA256SUMS").decode("utf-8"))
            for name in (*DATA_FILES, MANIFEST):
                wanted = sums.get(name)
                if wanted is None:
                    continue
                if not self.store.exists(name) or sha256_hex(self.store.read_bytes(name)) != wanted:
                    self.store.write_bytes(name, self.store.read_bytes(f"{newest}/{name}"))
                    actions.append(f"restored the latest {name} from release {versions[-1]}")
        for action in actions:
            log.warning("output folder: %s", action)
        return actions

    def publish(
        self,
        indicators: pd.DataFrame,
        articles: pd.DataFrame,
        extractor_version: str,
        created: datetime | None = None,
        before_latest=None,
    ) -> PublishResult:
        """Publish a new release if the tables differ from the latest one.

        The release's files are written first and its SHA256SUMS last, which marks it
        complete; only then do the latest files move. `before_latest` is called between the
        two: the point where a killed run must leave the previous release the latest.
        """
        with self.lock():
            self.recover()
            manifest = self.latest_manifest()
            fingerprint = content_fingerprint(indicators, articles)
            if manifest and manifest.get("x-content-sha256") == fingerprint:
                version = manifest["version"]
                return PublishResult(False, version, f"{self.store.location}/{RELEASES}/{version}")
            version = next_version(manifest)
            created = created or _release_time()
            previous_version = manifest["version"] if manifest else None
            changes, change_text = describe_changes(
                self.read_table("indicators"), self.read_table("articles"), indicators, articles
            )
            metadata = {
                "dataset_name": PACKAGE_NAME,
                "dataset_version": version,
                "extractor_version": extractor_version,
            }
            payload = {
                "indicators.parquet": parquet_bytes(indicators, INDICATORS_ARROW_SCHEMA, metadata),
                "indicators.csv": csv_bytes(indicators),
                "articles.parquet": parquet_bytes(articles, ARTICLES_ARROW_SCHEMA, metadata),
                "articles.csv": csv_bytes(articles),
            }
            package = data_package(payload, version, extractor_version, created, fingerprint, indicators)
            payload[MANIFEST] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            readme = release_readme(version, previous_version, created, change_text, indicators, articles)
            payload["README.md"] = readme.encode("utf-8")
            files = {name: {"bytes": len(data), "sha256": sha256_hex(data)} for name, data in payload.items()}
            sums = "".join(f"{info['sha256']}  {name}\n" for name, info in sorted(files.items()))

            folder = f"{RELEASES}/{version}"
            self.store.remove(folder)  # an unfinished folder of the same version, if any
            for name, data in payload.items():
                self.store.write_bytes(f"{folder}/{name}", data)
            self.store.write_bytes(f"{folder}/SHA256SUMS", sums.encode("utf-8"))  # complete now
            self.store.seal(folder)
            if before_latest is not None:
                before_latest(folder)
            for name in (*DATA_FILES, MANIFEST):  # the manifest last: it names the latest
                self.store.write_bytes(name, payload[name])
            return PublishResult(True, version, f"{self.store.location}/{folder}", files, changes)


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


def next_version(manifest: dict | None) -> str:
    """`1.N.0`: the minor number counts releases; the major is the contract's."""
    if not manifest:
        return f"{DATASET_MAJOR}.1.0"
    major, minor, _ = _version_key(manifest["version"])
    if major != DATASET_MAJOR:
        return f"{DATASET_MAJOR}.1.0"
    return f"{DATASET_MAJOR}.{minor + 1}.0"


def _parse_sums(text: str) -> dict[str, str]:
    sums = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if name:
            sums[name] = digest
    return sums


def content_fingerprint(indicators: pd.DataFrame, articles: pd.DataFrame) -> str:
    """What the release says, independent of its version: equal tables, equal prints.

    Row hashes are vectorised (pandas' fixed-key hash), so an unchanged 10,000-article
    archive is recognised without writing its files."""
    digest = hashlib.sha256()
    for frame in (indicators, articles):
        digest.update("\x1f".join(f"{c}:{t}" for c, t in frame.dtypes.astype(str).items()).encode())
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes())
    return digest.hexdigest()


def data_package(payload, version, extractor_version, created, fingerprint, indicators) -> dict:
    """A Frictionless Data Package (v2) describing every file of a release."""
    units = sorted(set(indicators["unit"])) if len(indicators) else None
    schemas = {
        "indicators": table_schema(IndicatorsModel, INDICATORS_ARROW_SCHEMA, units),
        "articles": table_schema(ArticlesModel, ARTICLES_ARROW_SCHEMA),
    }
    resources = []
    for name, data in payload.items():
        table, _, fmt = name.partition(".")
        resource = {
            "name": f"{table}-{fmt}" if fmt == "parquet" else table,
            "path": name,
            "format": fmt,
            "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
            "bytes": len(data),
            "hash": f"sha256:{sha256_hex(data)}",
            "schema": schemas[table],
        }
        if fmt == "csv":
            resource["type"] = "table"
            resource["encoding"] = "utf-8-sig"
            resource["dialect"] = {"header": True, "delimiter": ",", "quoteChar": '"'}
        else:
            # Frictionless checks a Parquet file's bytes and hash only as a plain file; its
            # schema stays here for readers.
            resource["type"] = "file"
        resources.append(resource)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "version": version,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENSE],
        "sources": [SOURCE],
        "x-extractor-version": extractor_version,
        "x-content-sha256": fingerprint,
        "resources": resources,
    }


def describe_changes(old_rows, old_articles, rows, articles) -> tuple[dict[str, int], str]:
    """What changed since the previous release: articles and rows added, removed, changed."""
    old_rows = old_rows if old_rows is not None else rows.iloc[0:0]
    old_articles = old_articles if old_articles is not None else articles.iloc[0:0]
    old_hash = dict(zip(old_articles["article_id"], old_articles["sha256"]))
    new_hash = dict(zip(articles["article_id"], articles["sha256"]))
    added_articles = sorted(set(new_hash) - set(old_hash))
    removed_articles = sorted(set(old_hash) - set(new_hash))
    changed_articles = sorted(a for a in set(new_hash) & set(old_hash) if new_hash[a] != old_hash[a])

    key = ["article_id", "char_start", "char_end", "value"]
    compare = ["unit", "qualifier", "measure", "period", "metric"]
    old_part = old_rows[key + compare].drop_duplicates(key)
    new_part = rows[key + compare].drop_duplicates(key)
    joined = old_part.merge(new_part, on=key, how="outer", indicator=True, suffixes=("_old", "_new"))
    both = joined[joined["_merge"] == "both"]
    differs = pd.Series(False, index=both.index)
    for column in compare:
        differs |= both[f"{column}_old"].fillna("").astype(str) != both[f"{column}_new"].fillna("").astype(
            str
        )
    changed_rows = int(differs.sum())
    added_rows = int((joined["_merge"] == "right_only").sum())
    removed_rows = int((joined["_merge"] == "left_only").sum())
    changes = {
        "articles_added": len(added_articles),
        "articles_removed": len(removed_articles),
        "articles_changed": len(changed_articles),
        "rows_added": added_rows,
        "rows_removed": removed_rows,
        "rows_changed": changed_rows,
    }
    lines = [
        f"- articles added: {len(added_articles)}" + _names(added_articles),
        f"- articles removed: {len(removed_articles)}" + _names(removed_articles),
        f"- articles changed: {len(changed_articles)}" + _names(changed_articles),
        f"- rows added: {changes['rows_added']}",
        f"- rows removed: {changes['rows_removed']}",
        f"- rows changed: {changes['rows_changed']}",
    ]
    return changes, "\n".join(lines)


def _names(ids: list[str], limit: int = 20) -> str:
    if not ids:
        return ""
    shown = ", ".join(ids[:limit])
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return f" ({shown}{more})"


def release_readme(version, previous, created, change_text, indicators, articles) -> str:
    ok = int((articles["status"] == "ok").sum()) if len(articles) else 0
    since = f"since release {previous}" if previous else "(first release)"
    return (
        f"# {PACKAGE_TITLE}, release {version}\n\n"
        f"Published {created.strftime('%Y-%m-%d %H:%M:%S UTC')}: {len(indicators)} indicator rows "
        f"from {ok} articles ({len(articles)} raw files).\n\n"
        f"## What changed {since}\n\n{change_text}\n\n"
        "## Files\n\n"
        "`indicators.parquet` / `indicators.csv`: one row per indicator mention. "
        "`articles.parquet` / `articles.csv`: one row per raw file. `datapackage.json` describes "
        "every file (schema, bytes, sha256); `SHA256SUMS` lists the hashes (`sha256sum -c SHA256SUMS`).\n"
    )
