"""Where published files live: a local folder or an object store, behind one small interface.

The release logic (`releases.py`) speaks only these verbs. A local folder writes through a
temporary file and a rename, and locks with `flock`; an object store (S3 and anything
fsspec reaches, through `UPath`) writes each object in one PUT, which readers also see
whole, and leaves mutual exclusion to the Dagster run queue (one publishing run at a time).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import time
from pathlib import Path

from upath import UPath

from .files import atomic_copy, atomic_write, fsync_folder


class PublishBusy(RuntimeError):
    """Another run holds the output folder."""


def is_remote(location: str | os.PathLike) -> bool:
    text = os.fspath(location)
    return "://" in text and not text.startswith("file://")


class _Store:
    """What a local folder and an object store do alike, through their path objects."""

    root: Path | UPath

    @property
    def location(self) -> str:
        return str(self.root)

    def path(self, name: str):
        return self.root / name if name else self.root

    def exists(self, name: str) -> bool:
        return self.path(name).exists()

    def read_bytes(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def size(self, name: str) -> int:
        return self.path(name).stat().st_size

    def open_read(self, name: str):
        return self.path(name).open("rb")


class LocalFolder(_Store):
    """A folder on this machine's disk."""

    seals = True  # a finished release's files are made read-only

    def __init__(self, root: str | os.PathLike, lock_timeout: float = 600.0) -> None:
        text = os.fspath(root)
        self.root = Path(text[len("file://") :] if text.startswith("file://") else text).absolute()
        self.lock_timeout = lock_timeout

    def write_bytes(self, name: str, data: bytes, before_replace=None) -> None:
        atomic_write(self.path(name), data, before_replace)

    def write_file(self, name: str, source: Path, before_replace=None) -> None:
        """`write_bytes` of a local file's content, streamed."""
        atomic_copy(self.path(name), source, before_replace)

    def move(self, name: str, destination: str) -> None:
        """Move a file or folder within the store (quarantine: published data is never deleted)."""
        target = self.path(destination)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.path(name), target)
        fsync_folder(target.parent)

    def folders(self, name: str) -> list[str]:
        folder = self.path(name)
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def files(self, name: str) -> list[str]:
        folder = self.path(name)
        return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def remove(self, name: str) -> None:
        path = self.path(name)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)

    def seal(self, name: str) -> None:
        """Files of a finished release become read-only."""
        for path in self.path(name).iterdir():
            path.chmod(0o444)

    def is_sealed(self, name: str) -> bool:
        files = [p for p in self.path(name).iterdir() if p.is_file()]
        return bool(files) and all(not p.stat().st_mode & 0o222 for p in files)

    def leftovers(self) -> list[str]:
        """Temporary files a killed writer left behind, at the top and in release folders."""
        found = [*self.root.glob(".*.tmp-*"), *self.root.glob("releases/*/.*.tmp-*")]
        return sorted(p.relative_to(self.root).as_posix() for p in found)

    def pandas_path(self, name: str) -> tuple[str, dict | None]:
        return str(self.path(name)), None

    def lock(self):
        """One publisher at a time: a second waits up to `lock_timeout`, then is refused."""
        self.root.mkdir(parents=True, exist_ok=True)
        return file_lock(
            self.root / ".publish.lock", self.lock_timeout, f"another run is publishing into {self.root}"
        )


@contextlib.contextmanager
def file_lock(path: Path, timeout: float, busy: str):
    """An exclusive `flock` on `path`, waited for up to `timeout` seconds; `PublishBusy`
    (saying `busy`) after that."""
    handle = open(path, "a+")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise PublishBusy(
                        f"{busy}; waited {timeout:.0f} s. Try again when it has finished."
                    ) from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()


class ObjectStore(_Store):
    """A bucket prefix (`s3://bucket/outputs`) reached through UPath and fsspec.

    Credentials and the endpoint come from the usual environment (`AWS_ACCESS_KEY_ID`,
    `AWS_SECRET_ACCESS_KEY`, `AWS_ENDPOINT_URL` for an S3-compatible service)."""

    seals = False  # no file modes: immutability is the bucket's policy

    def __init__(self, root: str, storage_options: dict | None = None) -> None:
        self.storage_options = dict(storage_options or {})
        self.root = UPath(root.rstrip("/"), **self.storage_options)

    def write_bytes(self, name: str, data: bytes, before_replace=None) -> None:
        self.path(name).write_bytes(data)  # one PUT: readers see the old object or the new

    def write_file(self, name: str, source: Path, before_replace=None) -> None:
        """One upload of a local file, streamed; the object appears whole when it completes."""
        target = self.path(name)
        target.fs.put_file(os.fspath(source), target.path)

    def move(self, name: str, destination: str) -> None:
        """Copy every object under `name` to `destination`, then delete the originals."""
        source, target = self.path(name), self.path(destination)
        fs = source.fs
        objects = fs.find(source.path) if source.is_dir() else [source.path]
        for key in objects:
            fs.copy(key, target.path + key[len(source.path) :])
        fs.rm(objects)

    def _entries(self, name: str):
        folder = self.path(name)
        try:
            return list(folder.iterdir())
        except (FileNotFoundError, NotADirectoryError):  # no objects under the prefix yet
            return []

    def folders(self, name: str) -> list[str]:
        return sorted(p.name for p in self._entries(name) if p.is_dir())

    def files(self, name: str) -> list[str]:
        return sorted(p.name for p in self._entries(name) if p.is_file())

    def remove(self, name: str) -> None:
        path = self.path(name)
        if path.exists():
            path.fs.rm(path.path, recursive=True)

    def seal(self, name: str) -> None:
        """Object stores have no file modes: immutability is the bucket's policy."""

    def is_sealed(self, name: str) -> bool:
        return False

    def leftovers(self) -> list[str]:
        return []

    def pandas_path(self, name: str) -> tuple[str, dict | None]:
        return str(self.path(name)), self.storage_options or None

    @contextlib.contextmanager
    def lock(self):
        """No lock on an object store: the Dagster run queue lets one publishing run at a time."""
        yield


def refuse_output_inside_raw(raw: str | os.PathLike, output: str | os.PathLike) -> None:
    """An output folder inside the raw folder (or equal to it) would be read back as articles:
    its READMEs, SHA256SUMS and CSVs. Refuse the configuration before reading anything."""
    if is_remote(raw) or is_remote(output):
        same = os.fspath(output).rstrip("/") + "/"
        if same.startswith(os.fspath(raw).rstrip("/") + "/"):
            raise ValueError(
                f"the output folder {output} is inside the raw folder {raw}: choose one outside it"
            )
        return
    raw_path, output_path = Path(raw).expanduser().resolve(), Path(output).expanduser().resolve()
    if output_path == raw_path or output_path.is_relative_to(raw_path):
        raise ValueError(
            f"the output folder {output_path} is {'the raw folder' if output_path == raw_path else 'inside the raw folder'}"
            f" {raw_path}: the pipeline would read its own releases as articles. "
            "Set INDICATORS_OUTPUT_DIR to a folder outside INDICATORS_RAW_DIR."
        )


def open_storage(
    location: str | os.PathLike, storage_options: dict | None = None, lock_timeout: float = 600.0
):
    """A local folder for a path or `file://` URL, an object store for any other URL."""
    if is_remote(location):
        return ObjectStore(os.fspath(location), storage_options)
    return LocalFolder(location, lock_timeout)
