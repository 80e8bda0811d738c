"""Benchmarks for launchmap: each ``bench_*.py`` module times our code against a naive baseline in the same run.

Run all with ``python -m benchmarks`` (or ``make bench``); pass module suffixes to pick some:
``python -m benchmarks geodesy``. Results are ratios, never asserted: machines differ, ratios travel.
"""
