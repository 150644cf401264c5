"""Export time and peak memory over a large synthetic store (the store of ``benchmarks/api.py``).

    python benchmarks/export.py [--events 1000000] [--formats csv parquet] [--sqlite PATH] [--reuse]

Fills an SQLite store with ``--events`` synthetic events (the generator of ``benchmarks/api.py``), then
runs ``detente export --format F -o FILE`` once per format in a child process and prints its wall time,
events per second, output size and the child's peak resident memory. Run it at two sizes to see that memory
does not grow with the store: an export streams pages of events, never the whole result.

The peak is the child's own ``VmHWM`` (``/proc/self/status``, read as it exits), not the ``ru_maxrss`` that
``wait4`` reports: Linux carries the parent's high-water mark over the child's ``exec``, so after filling a
million events in this process (about 220 MB) every child "peaked" at least that high whatever it did itself.
Both are printed; off Linux only ``ru_maxrss`` is known.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api  # noqa: E402  (the synthetic store generator of benchmarks/api.py)
from detente.store import open_store  # noqa: E402

#: The CLI in a child that reports its own peak resident memory (VmHWM, KiB) on stderr as it exits.
_RUN_CLI = """
import atexit, sys

def _peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    sys.stderr.write("peak_kib=" + line.split()[1] + "\\n")
    except OSError:
        pass

atexit.register(_peak)
from detente.cli import main
sys.exit(main())
"""


def _export(db: str, fmt: str, target: Path) -> tuple[float, int | None, int]:
    """Wall time (s), the child's own peak RSS (KiB; None off Linux) and its ``ru_maxrss`` (KiB, which
    includes this process's RSS at the spawn) of one ``detente export`` in a child process."""
    command = [sys.executable, "-c", _RUN_CLI, "export", "--db", db, "--format", fmt, "-o", str(target)]
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - began
    errors = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"detente export --format {fmt} failed: {errors}")
    peaks = [int(line.split("=", 1)[1]) for line in errors.splitlines() if line.startswith("peak_kib=")]
    return elapsed, (peaks[-1] if peaks else None), usage.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events in the store")
    parser.add_argument("--formats", nargs="+", default=["csv", "parquet"])
    parser.add_argument("--sqlite", default=None, help="SQLite file to fill (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="export the store a previous run filled")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.sqlite or str(Path(folder) / "bench.db")
        if not args.reuse:
            Path(db).unlink(missing_ok=True)
            began = time.perf_counter()
            api._fill_sqlite(db, args)
            print(f"filled {args.events:,} events in {time.perf_counter() - began:.0f} s")
        with open_store(db) as store:
            total = store.count_events()
        head = ("format", "events", "seconds", "events/s", "MB out", "peak RSS MB", "ru_maxrss MB")
        widths = (8, 10, 8, 10, 8, 12, 13)
        print(" ".join(f"{name:{'<' if i == 0 else '>'}{widths[i]}}" for i, name in enumerate(head)))
        for fmt in args.formats:
            target = Path(folder) / f"events.{fmt}"
            elapsed, peak, maxrss = _export(db, fmt, target)
            size = target.stat().st_size / 1e6
            rate = total / elapsed
            own = "?" if peak is None else f"{peak / 1024:.0f}"
            cells = f"{fmt:8} {total:>10,} {elapsed:8.1f} {rate:>10,.0f} {size:8.1f} {own:>12}"
            print(f"{cells} {maxrss / 1024:13.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
