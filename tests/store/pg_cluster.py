"""A throwaway PostgreSQL cluster of the test's own, on a free loopback port, that a test may stop and start.

Restarting the shared test server (``DETENTE_TEST_POSTGRES``) would break every other test using it, so the
tests that need a server to go away and come back start their own with ``initdb`` and ``pg_ctl`` (found on the
PATH or under ``/usr/lib/postgresql/*/bin``). Without those programs the tests are skipped, except under CI
(``CI`` set), where they fail. Run as root, the cluster runs as the ``postgres`` user (PostgreSQL refuses
root).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["PrivateCluster", "private_cluster"]


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version)
    return Path(candidates[-1]).parent if candidates else None


def _version(path: str) -> tuple[int, ...]:
    part = Path(path).parts[-3]
    return tuple(int(piece) for piece in part.split(".") if piece.isdigit())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateCluster:
    """One PostgreSQL cluster in a temporary folder; :attr:`url` reaches it as the trusted user detente."""

    def __init__(self, bin_dir: Path, root: Path, *, run_as: str | None) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        self.run_as = run_as
        self.url = f"postgresql://detente@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "detente", "--auth=trust", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextlib.contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """A started private cluster, stopped and deleted afterwards; skip (fail under CI) when impossible."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        _skip("initdb and pg_ctl were not found (PATH, /usr/lib/postgresql/*/bin)")
    run_as = None
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            _skip("running as root needs runuser to start PostgreSQL as another user")
        run_as = "postgres"
    root = Path(tempfile.mkdtemp(prefix="detente-pg-"))
    try:
        if run_as:
            shutil.chown(root, user=run_as)
        cluster = PrivateCluster(bin_dir, root, run_as=run_as)
        try:
            cluster.init()
        except (subprocess.CalledProcessError, LookupError) as exc:
            _skip(f"cannot make a private PostgreSQL cluster: {exc}")
        cluster.start()
        try:
            yield cluster
        finally:
            with contextlib.suppress(subprocess.CalledProcessError):
                cluster.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the PostgreSQL restart tests", pytrace=False)
    pytest.skip(reason)
