"""`alianza bench --serve` end to end on a small synthetic store, without the browser: every page it
times answers, and the figures come back as medians with the load average."""

from __future__ import annotations

from pathlib import Path

from alianza.serve.bench import run_bench_serve


def test_bench_serve_times_every_page_on_a_small_store(tmp_path: Path) -> None:
    out = run_bench_serve(20_000, tmp_path / "small.duckdb", browser=False)
    for key in ("dyad_page_s", "evidence_page_s", "event_page_s", "events_page_s", "actor_page_s", "api_network_year_cold_s"):
        assert str(out[key]).startswith("median "), key
    assert out["startup_s"] > 0 and "load_average" in out
    assert out["api_network_year"].startswith(tuple("123456789"))  # nodes on the map
