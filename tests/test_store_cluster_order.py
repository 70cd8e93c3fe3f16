"""The clusters are stored in day order and their members in cluster order (store migration 8,
aggregate/clusters.py): DuckDB skips the row groups whose min/max lies outside a filter, which is
what makes a year of a big store, or a cluster's evidence, cheap to read for the web UI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from alianza.aggregate.clusters import rebuild_clusters, update_clusters
from alianza.aggregate.synth import add_events, build_synthetic
from alianza.store.db import MIGRATIONS, Store


def _stored_order(con: duckdb.DuckDBPyConnection) -> list[tuple[dt.date | None, str]]:
    """The clusters as they lie in the file (rowid order), not as a query would sort them."""
    return [(r[0], r[1]) for r in con.execute("SELECT day, id FROM event_clusters ORDER BY rowid").fetchall()]


def _members_order(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute("SELECT cluster_id, event_id FROM event_cluster_members ORDER BY rowid").fetchall()]


def _in_day_order(rows: list[tuple[dt.date | None, str]]) -> bool:
    days = [d for d, _id in rows]
    dated = [d for d in days if d is not None]
    return dated == sorted(dated) and days == dated + [None] * (len(days) - len(dated))


def test_a_schema_7_store_gets_its_clusters_sorted_by_day(tmp_path: Path) -> None:
    db = tmp_path / "v7.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for i, sql in enumerate(MIGRATIONS[:7]):
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [i + 1])
    # newest first, an undated one in the middle: the order an unsorted grouping leaves
    days = [dt.date(2024, 3, 1), dt.date(2019, 7, 4), None, dt.date(2022, 1, 9), dt.date(2016, 5, 30)]
    for n, d in enumerate(days):
        con.execute(
            "INSERT INTO event_clusters (id, type, a_code, b_code, day, mentions, representative) VALUES (?, 'CONSULT', 'BRA', 'PER', ?, ?, ?)",
            [f"c{n}", d, n + 1, f"e{n}"],
        )
    members = [("c3", "e9"), ("c0", "e2"), ("c3", "e1"), ("c1", "e5")]
    con.executemany("INSERT INTO event_cluster_members (cluster_id, event_id) VALUES (?, ?)", members)
    before = con.execute("SELECT * FROM event_clusters ORDER BY id").fetchall()
    con.close()
    with Store(db) as store:
        assert store.version == len(MIGRATIONS) >= 8
        got = _stored_order(store.con)
        after = store.con.execute("SELECT * FROM event_clusters ORDER BY id").fetchall()
        got_members = _members_order(store.con)
    assert after == before  # every row and column kept
    assert got_members == sorted(members)  # and the members in cluster order
    con = duckdb.connect(str(db), read_only=True)
    indexes = con.execute("SELECT table_name, expressions FROM duckdb_indexes()").fetchall()
    looked_up = con.execute("SELECT cluster_id FROM event_cluster_members WHERE event_id = 'e5'").fetchall()
    con.close()
    assert ("event_cluster_members", "[event_id]") in [(t, str(e)) for t, e in indexes]  # an event's cluster by key
    assert looked_up == [("c1",)]
    assert [d for d, _id in got] == sorted(d for d in days if d is not None) + [None]
    assert _in_day_order(got)


def test_clustering_writes_in_day_order_and_keeps_it_on_update(tmp_path: Path) -> None:
    db = tmp_path / "synthetic.duckdb"
    build_synthetic(str(db), 6000, n_actors=40, years=4)
    with Store(db) as store:
        rebuild_clusters(store.con)
        first = _stored_order(store.con)
        assert len(first) > 1000 and _in_day_order(first)
        members = _members_order(store.con)
        assert members == sorted(members)
        add_events(store.con, 500, 0)  # a later batch: its clusters are appended, themselves in day order
        update_clusters(store.con)
        after = _stored_order(store.con)
        new_members = _members_order(store.con)[len(members) :]
    assert new_members and new_members == sorted(new_members)
    old = {i for _d, i in first}
    appended = [(d, i) for d, i in after if i not in old]
    assert appended and _in_day_order(appended)
