"""Real services on 127.0.0.1 for the distributed tests: PostgreSQL, Redis, moto's S3, and
Celery workers. Each is found on this machine or the test is skipped, saying what is missing
(.ci/run installs them)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {seconds:.0f} s")


def _postgres_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@contextmanager
def postgres_server():
    """A throwaway PostgreSQL cluster; yields its URL."""
    initdb, postgres = _postgres_binary("initdb"), _postgres_binary("postgres")
    if not (initdb and postgres):
        pytest.skip("PostgreSQL server binaries (initdb, postgres) are missing: apt-get install postgresql")
    run_as: list[str] = []
    data = Path(tempfile.mkdtemp(prefix="indicators-pg-"))
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser: cannot start PostgreSQL as another user")
        shutil.chown(data, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run(
        [*run_as, initdb, "-D", str(data / "db"), "-U", "dagster", "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [*run_as, postgres, "-D", str(data / "db"), "-p", str(port), "-h", "127.0.0.1", "-k", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, 30, "PostgreSQL")
        import psycopg2

        deadline = time.monotonic() + 30
        while True:
            try:
                connection = psycopg2.connect(host="127.0.0.1", port=port, user="dagster", dbname="postgres")
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        connection.autocommit = True
        connection.cursor().execute("CREATE DATABASE dagster")
        connection.close()
        yield f"postgresql://dagster@127.0.0.1:{port}/dagster"
    finally:
        _stop(server)
        shutil.rmtree(data, ignore_errors=True)


@contextmanager
def redis_server():
    """A throwaway Redis; yields its URL."""
    binary = shutil.which("redis-server")
    if not binary:
        pytest.skip("redis-server is missing: apt-get install redis-server")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, 20, "Redis")
        yield f"redis://127.0.0.1:{port}"
    finally:
        _stop(server)


@contextmanager
def s3_server():
    """moto's S3 in server mode; yields its endpoint URL."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        pytest.skip("moto[server] is missing: pip install -e '.[test]'")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@contextmanager
def celery_workers(env: dict, count: int, log_dir: Path):
    """`count` Celery worker processes on the `dagster` queue; waits until each is ready."""
    celery = BIN / "celery"
    if not celery.exists():
        pytest.skip("celery is missing: pip install -e '.[distributed]'")
    workers = []
    logs = []
    try:
        for index in range(count):
            log = log_dir / f"worker-{index}.log"
            logs.append(log)
            workers.append(
                subprocess.Popen(
                    [
                        str(celery),
                        "-A",
                        "pipelines.defs.celery_app",
                        "worker",
                        "-Q",
                        "dagster",
                        "-c",
                        "1",
                        "-n",
                        f"indicators{index}@%h",
                        "--loglevel",
                        "INFO",
                    ],
                    env=env,
                    cwd=REPO,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )  # fmt: skip
            )
        deadline = time.monotonic() + 60
        while not all("ready." in log.read_text(errors="replace") for log in logs):
            if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
                raise RuntimeError(
                    "Celery workers did not start:\n" + "\n".join(text.read_text()[-2000:] for text in logs)
                )
            time.sleep(0.3)
        yield logs
    finally:
        for worker in workers:
            _stop(worker)
