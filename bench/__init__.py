"""Benchmarks for newskb (issue 6): run with ``python -m bench`` or ``make bench``."""
