"""A bound on the time one article's extraction may take, so one odd text cannot stall a run."""

from __future__ import annotations

import time


class ExtractionTooSlow(Exception):
    """One article's extraction went past its time limit; it gives no rows."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"extraction took longer than {seconds:g} s")
        self.seconds = seconds


class Deadline:
    """A point in monotonic time that an extraction must finish by. Cooperative: the
    extractor calls `check` for each candidate number and each figure it reads (a clock
    read, far cheaper than either), so it stops within one figure of the limit."""

    __slots__ = ("_at", "seconds")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._at = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self._at is not None and time.monotonic() > self._at:
            raise ExtractionTooSlow(self.seconds or 0.0)


NO_DEADLINE = Deadline(None)
