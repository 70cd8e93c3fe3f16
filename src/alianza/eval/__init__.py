"""Scoring against gold files (shared/gold/README.md) and benchmarks."""
