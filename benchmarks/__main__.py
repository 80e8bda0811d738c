"""Discover and run every ``benchmarks/bench_*.py`` module (each exposes ``main() -> None``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from collections.abc import Sequence

import benchmarks


def discover() -> list[str]:
    """Names of the benchmark modules, sorted (``bench_geodesy`` → ``geodesy``)."""
    return sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )


def main(argv: Sequence[str] | None = None) -> int:
    available = discover()
    wanted = list(argv if argv is not None else sys.argv[1:]) or available
    unknown = sorted(set(wanted) - set(available))
    if unknown:
        print(f"unknown benchmark(s) {unknown}; available: {available}", file=sys.stderr)
        return 2
    for name in wanted:
        print(f"== bench_{name} ==")
        started = time.perf_counter()
        importlib.import_module(f"benchmarks.bench_{name}").main()
        print(f"(bench_{name} took {time.perf_counter() - started:.1f} s)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
