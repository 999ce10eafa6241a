"""`make dev`: `dagster dev` (the UI, and the daemon with the schedule and the sensor) that
stops when told to, in the foreground (Ctrl-C) and in the background (TERM) alike.

A program that a non-interactive shell starts in the background (`make dev &`, a service
script) starts with SIGINT ignored, and `dagster dev` handles TERM as it handles SIGINT:
ignored too, so `kill` left it (and `make` waiting on it) running until killed outright.
This puts both signals back to their defaults, then becomes `dagster dev` with the same
arguments: TERM then stops the webserver and the daemon, and `dagster dev` after them.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main() -> None:
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    dagster = str(Path(sys.executable).with_name("dagster"))
    os.execv(dagster, [dagster, "dev", *sys.argv[1:]])


if __name__ == "__main__":
    main()
