"""Parquet shards: what workers write instead of the store, and `alianza load` reads in one pass.

A shard is one batch, as the store's own tables (`articles`, `events`, `minhash`, `minhash_bands`,
`people`, `source_places`): the worker writes the batch into an in-memory DuckDB made by the store's
migrations and copies each table to `DIR/<table>/part-<batch>.parquet`. So the schema is fixed by
the store, never inferred from the data (an all-null column in one shard would break the read of
all of them), and a shard written by one version is refused by the load of another, which finds
the columns differ. Names come from the articles' ids: writing the same batch twice replaces it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store.db import Fingerprint, Store
from ..types import CodedArticle

TABLES = ("articles", "events", "minhash", "minhash_bands", "people", "source_places")
KEYS = {"articles": "id", "events": "article_id", "minhash": "article_id", "minhash_bands": "article_id"}


def shard_name(ids: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:16]


def write_shard(
    folder: str | Path,
    rows: Sequence[tuple[CodedArticle, Fingerprint | None, dict[str, Any]]],
    places: dict[str, dict[str, int]],
) -> str:
    """Write one batch as a shard; returns its name. Each file lands under a temporary name and is
    renamed, so a worker killed half-way leaves no half-written file for `load` to read."""
    name = shard_name([c.article.id for c, _fp, _x in rows])
    mem = Store(":memory:")
    try:
        mem.write_many(rows, places)
        for table in TABLES:
            out = Path(folder) / table
            out.mkdir(parents=True, exist_ok=True)
            tmp, final = out / f".part-{name}.parquet.tmp", out / f"part-{name}.parquet"
            mem.con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(tmp)}' (FORMAT parquet)")
            os.replace(tmp, final)
    finally:
        mem.close()
    return name


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


def shard_names(folder: str | Path) -> list[str]:
    arts = Path(folder) / "articles"
    return sorted(p.name[len("part-") : -len(".parquet")] for p in arts.glob("part-*.parquet"))


def load_shards(folder: str | Path, store: Store) -> dict[str, int]:
    """Load every shard of `folder` not loaded before, in one transaction: replaced articles lose
    their old rows (and their clusters are recounted), as in `Store.write_many`."""
    folder = Path(folder)
    names = shard_names(folder)
    if not names:
        raise StoreError(f"{folder}: no shards (expected {folder}/articles/part-*.parquet)")
    con = store.con
    done = {r[0] for r in con.execute("SELECT name FROM loaded_shards").fetchall()}
    todo = [n for n in names if n not in done]
    if not todo:
        return {"shards": 0, "already_loaded": len(names), "articles": 0, "events": 0}

    def files(table: str) -> str:
        return "[" + ", ".join(f"'{_sql_path(folder / table / f'part-{n}.parquet')}'" for n in todo) + "]"

    counts = {"shards": len(todo), "already_loaded": len(names) - len(todo)}
    con.execute("BEGIN")
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE load_ids AS SELECT DISTINCT id FROM read_parquet({files('articles')})")
        con.execute(
            "INSERT INTO clusters_dirty SELECT m.cluster_id FROM event_cluster_members m JOIN events e "
            "ON e.id = m.event_id WHERE e.article_id IN (SELECT id FROM load_ids)"
        )
        con.execute(
            "DELETE FROM event_cluster_members WHERE event_id IN "
            "(SELECT id FROM events WHERE article_id IN (SELECT id FROM load_ids))"
        )
        for table, key in KEYS.items():
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM load_ids)")
        for table in ("articles", "events", "minhash", "minhash_bands", "source_places"):
            cols = ", ".join(r[0] for r in con.execute(f"DESCRIBE {table}").fetchall())
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet({files(table)})")
        # people: the latest sighting of each name wins, over the store and the shards
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE load_people AS SELECT * FROM read_parquet({files('people')}) "
            "QUALIFY row_number() OVER (PARTITION BY name ORDER BY last_seen DESC NULLS LAST, article_id DESC) = 1"
        )
        con.execute(
            "DELETE FROM people WHERE name IN (SELECT l.name FROM load_people l JOIN people p ON p.name = l.name "
            "WHERE p.last_seen IS NULL OR l.last_seen >= p.last_seen)"
        )
        con.execute("INSERT INTO people SELECT * FROM load_people WHERE name NOT IN (SELECT name FROM people)")
        con.execute("INSERT INTO loaded_shards SELECT unnest(?), current_timestamp", [todo])
        got = con.execute(
            f"SELECT (SELECT count(*) FROM read_parquet({files('articles')})), "
            f"(SELECT count(*) FROM read_parquet({files('events')}))"
        ).fetchall()[0]
        con.execute("COMMIT")
    except Exception as err:
        con.execute("ROLLBACK")
        raise StoreError(f"{folder}: could not load the shards: {err}") from err
    counts["articles"], counts["events"] = int(got[0]), int(got[1])
    return counts
