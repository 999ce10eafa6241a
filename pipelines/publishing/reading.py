"""Reading the raw folder: every file is either decoded or set aside with its reason.

The raw folder is a drop box others write to, so nothing in it is trusted: symbolic
links and paths that lead outside it are refused, files that are not text (empty,
binary, too large) are named and skipped, and no single bad file stops the others.
"""

from __future__ import annotations

import hashlib
import html.parser
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from charset_normalizer import from_bytes
from upath import UPath

from pipelines.settings import MAX_ARTICLE_BYTES

from .storage import is_remote

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = int(MAX_ARTICLE_BYTES.default)
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ""}
# An extension is letters and digits with at least one letter: `.txt`, `.mp4`. A dot and
# digits alone are part of the name (`公报.2024.05`), not an extension.
_EXTENSION_RE = re.compile(r"\.[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_TITLE_TRIM = "■●◆▲★【】[]# \t"
_PUBLISHER_RE = re.compile(r"[（(]?\s*来源[：:]\s*([^）)\n，。；]{2,40})[）)]?")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_HTML_START_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>])", re.I)


@dataclass(slots=True)
class ArticleText:
    """One raw file and what became of it."""

    article_id: str
    file_name: str
    sha256: str
    status: str = "ok"  # ok, empty, binary, too_large, unreadable, undecodable, refused
    reason: str = ""
    encoding: str | None = None
    text: str = ""  # empty in a listing (`list_articles`): batches read the text again
    n_chars: int = 0
    title: str | None = None
    publisher: str | None = None
    published_date: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every file of the raw folder and its subfolders, in path order, whatever its name
    or extension: each gets an `articles` row. Hidden folders (`.git`, `.snapshot`) are not
    part of the drop box and linked folders are not followed."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist or is not a folder")
    entries = []
    for folder, subfolders, files in os.walk(raw_dir, followlinks=False):
        for name in subfolders:
            if name.startswith("."):
                log.warning("raw folder: the hidden folder %s is not read", printable_name(name))
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        entries.extend(Path(folder) / name for name in files)
    return sorted(entries, key=lambda p: p.relative_to(raw_dir).as_posix())


def printable_name(name: str) -> str:
    """A file name as valid UTF-8: bytes that are not UTF-8 (a GBK name on a UTF-8 disk)
    are shown as `\\xb1`, so the name can be logged and stored."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def name_refusal(name: str) -> str:
    """Why a file is not read for its name alone, or "": a hidden file, a name that is
    not UTF-8, an extension that is not text."""
    if printable_name(name) != name:
        return "its name is not valid UTF-8; rename the file (UTF-8) to have it read"
    if name.startswith("."):
        return "a hidden file; the raw folder reads only visible files"
    suffix = _extension(name)
    if suffix.lower() not in TEXT_SUFFIXES:
        known = ", ".join(sorted(s for s in TEXT_SUFFIXES if s))
        return f"a {suffix} file, not text; the raw folder reads {known} and names with no extension"
    return ""


def _extension(name: str) -> str:
    suffix = PurePosixPath(name).suffix
    return suffix if _EXTENSION_RE.fullmatch(suffix) and suffix != name else ""


def read_article(path: Path, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleText:
    """Decode one raw file, or say why it is set aside. Never raises for a bad file."""
    file_name = path.relative_to(raw_dir).as_posix() if path.is_relative_to(raw_dir) else path.name
    record = _new_record(path.name, printable_name(file_name))
    if refusal := name_refusal(path.name):
        return _set_aside(record, "refused", refusal)
    if path.is_symlink():
        return _set_aside(record, "refused", "a symbolic link; the raw folder takes only plain files")
    try:
        resolved = path.resolve(strict=True)
        if not resolved.is_relative_to(raw_dir.resolve()):
            return _set_aside(record, "refused", f"its path leads outside the raw folder ({resolved})")
        if not resolved.is_file():
            return _set_aside(record, "unreadable", "not a regular file")
    except OSError as exc:
        return _set_aside(record, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
    return _read_plain_file(record, resolved, max_bytes)


def _new_record(name: str, file_name: str) -> ArticleText:
    name = printable_name(name)
    suffix = _extension(name)
    article_id = name[: -len(suffix)] if suffix else name
    return ArticleText(article_id=article_id, file_name=file_name, sha256="0" * 64)


def _read_plain_file(record: ArticleText, path, max_bytes: int) -> ArticleText:
    """Size limit, bytes, hash and decoding of a local `Path` or an object-store `UPath`."""
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)  # never past the limit, though it grows
            size = max(size, len(data))
        if size > max_bytes:
            record.sha256 = _hash_file(path)
            return _set_aside(record, "too_large", f"{size} bytes, more than the limit of {max_bytes}")
    except OSError as exc:
        return _set_aside(record, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
    record.sha256 = hashlib.sha256(data).hexdigest()
    return decode_article(record, data)


def decode_article(record: ArticleText, data: bytes) -> ArticleText:
    """Fill `record` with the decoded text of `data`, or the reason it cannot be read."""
    if not data.strip():
        return _set_aside(record, "empty", "the file holds no text")
    decoded = decode_bytes(data)
    if decoded is None:
        if b"\x00" in data or _control_share(data) > 0.05:
            return _set_aside(record, "binary", "binary content, not text")
        return _set_aside(record, "undecodable", "not UTF-8, UTF-16, GB18030 or Big5 text")
    text, encoding = decoded
    if _control_share(text) > 0.05:
        return _set_aside(record, "binary", f"binary content, not text (decoded as {encoding})")
    if _HTML_START_RE.match(text[:2000]):
        text = html_to_text(text)
        encoding = f"{encoding}+html"
        if not text.strip():
            return _set_aside(record, "empty", "an HTML page with no text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    record.text = text
    record.n_chars = len(text)
    record.encoding = encoding
    record.title = _title(text)
    record.publisher = _publisher(text)
    record.published_date = _published_date(text)
    return record


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """(text, encoding): byte-order marks first, then UTF-8, then the Chinese encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + "-bom"
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        for encoding in ("utf-16-le", "utf-16-be"):
            if _looks_utf16(data, little_endian=encoding.endswith("le")):
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    pass
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is not None and best.encoding in ("gb18030", "big5"):
        return str(best), best.encoding
    return candidates[0]


def _looks_utf16(data: bytes, little_endian: bool) -> bool:
    """ASCII and CJK in UTF-16 without a byte-order mark: NULs fall on one side."""
    sample = data[:4000]
    if len(sample) % 2:
        sample = sample[:-1]
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    return zeros_odd > zeros_even if little_endian else zeros_even > zeros_odd


_CONTROL_BYTES_RE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_share(content: bytes | str) -> float:
    """The share of control characters (other than tabs and line breaks) in a sample."""
    if not content:
        return 0.0
    sample = content[:20000]
    pattern = _CONTROL_BYTES_RE if isinstance(sample, bytes) else _CONTROL_CHARS_RE
    return len(pattern.findall(sample)) / len(sample)


def _set_aside(record: ArticleText, status: str, reason: str) -> ArticleText:
    record.status, record.reason, record.text, record.n_chars = status, reason, "", 0
    log.warning("raw folder: %s set aside (%s): %s", record.file_name, status, reason)
    return record


def _hash_file(path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().strip(_TITLE_TRIM)
        if line:
            return line if len(line) <= 80 else None
    return None


def _publisher(text: str) -> str | None:
    match = _PUBLISHER_RE.search(text)
    return match.group(1).strip() if match else None


def _published_date(text: str) -> datetime | None:
    match = _DATE_RE.search(text[:600])
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


class _TextOfHtml(html.parser.HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title"}
    _SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP and tag != "head":
            self._skipping += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and tag != "head" and self._skipping:
            self._skipping -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The readable text of an HTML page, one block a line."""
    parser = _TextOfHtml()
    parser.feed(page)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def read_raw_folder(
    raw_dir, max_bytes: int = DEFAULT_MAX_BYTES, storage_options: dict | None = None, keep_text: bool = True
) -> list[ArticleText]:
    """Every file of the raw folder (a local path, or an object-store URL such as
    `s3://bucket/raw`), read or set aside; one article id per file. With `keep_text=False`
    each text is dropped once read (`list_articles`)."""
    return list(iter_raw_folder(raw_dir, max_bytes, storage_options, keep_text))


def iter_raw_folder(
    raw_dir, max_bytes: int = DEFAULT_MAX_BYTES, storage_options: dict | None = None, keep_text: bool = True
) -> Iterator[ArticleText]:
    """`read_raw_folder` one file at a time: the names are listed first (for unique ids),
    then each file is read, yielded and forgotten, so a listing of any size streams."""
    if is_remote(raw_dir):
        paths = _remote_files(os.fspath(raw_dir), storage_options)
        names = [path.name for path in paths]
        read = (_read_remote_file(path, max_bytes) for path in paths)
    else:
        paths = list_raw_files(Path(raw_dir))
        names = [path.name for path in paths]
        read = (_read_guarded(path, Path(raw_dir), max_bytes) for path in paths)
    own_ids = {_new_record(name, name).article_id for name in names}
    for article in _unique_ids(read, own_ids):
        yield article if keep_text else _without_text(article)


def list_articles(raw_dir, max_bytes: int = DEFAULT_MAX_BYTES, storage_options: dict | None = None):
    """The raw folder as a listing: every file's id, hash, status and title, but no text.
    Files are read one at a time, so no step holds the corpus's text; a batch reads its
    articles again (`text_again`)."""
    return read_raw_folder(raw_dir, max_bytes, storage_options, keep_text=False)


def _without_text(article: ArticleText) -> ArticleText:
    article.text = ""
    return article


class ArticleChanged(Exception):
    """A listed file no longer holds what the listing read: it changed during the run."""


def text_again(
    raw_dir, article: ArticleText, max_bytes: int = DEFAULT_MAX_BYTES, storage_options: dict | None = None
) -> str:
    """The text of a listed article, read from its file again and checked against the
    listing's hash, so the rows always belong to the sha256 the articles table shows."""
    if is_remote(raw_dir):
        root = UPath(os.fspath(raw_dir).rstrip("/"), **(storage_options or {}))
        again = _read_plain_file(
            _new_record(article.file_name, article.file_name), root / article.file_name, max_bytes
        )
    else:
        again = read_article(Path(raw_dir) / article.file_name, Path(raw_dir), max_bytes)
    if again.sha256 != article.sha256 or not again.ok:
        raise ArticleChanged(
            f"{article.file_name} changed while the run read it (sha256 {article.sha256[:12]}… when listed, "
            f"{again.sha256[:12]}… now); it is read again next run"
        )
    return again.text


def _read_guarded(path: Path, raw_dir: Path, max_bytes: int) -> ArticleText:
    """`read_article`, and should anything unforeseen raise, that file alone is set aside."""
    try:
        return read_article(path, raw_dir, max_bytes)
    except Exception as exc:  # one bad file never stops the others
        log.exception("raw folder: reading %s failed", printable_name(path.name))
        return _set_aside(
            _new_record(path.name, printable_name(path.name)),
            "undecodable",
            f"reading it failed: {type(exc).__name__}: {exc}",
        )


def _remote_files(location: str, storage_options: dict | None) -> list:
    root = UPath(location.rstrip("/"), **(storage_options or {}))
    if not root.exists():
        raise FileNotFoundError(f"raw folder {location} does not exist")
    return [path for path in sorted(root.iterdir(), key=lambda p: p.name) if not path.is_dir()]


def _read_remote_file(path, max_bytes: int) -> ArticleText:
    record = _new_record(path.name, path.name)
    if refusal := name_refusal(path.name):
        return _set_aside(record, "refused", refusal)
    return _read_plain_file(record, path, max_bytes)


def _unique_ids(read: Iterable[ArticleText], own_ids: set[str]) -> Iterator[ArticleText]:
    """One article id per file. The first file (in path order) to give an id keeps it; a
    later one is refused and renamed `<id>~2` (or `~3`, …), a name no file gives as its own
    id (`own_ids`), so the articles table never holds one id twice (`x.md`, `x.txt`, `x.txt.md`)."""
    taken: set[str] = set()
    for article in read:
        natural = article.article_id
        if natural in taken:
            _set_aside(article, "refused", f"another file already gives the article id {natural!r}")
            copy = 2
            while f"{natural}~{copy}" in own_ids or f"{natural}~{copy}" in taken:
                copy += 1
            article.article_id = f"{natural}~{copy}"
        taken.add(article.article_id)
        yield article
