"""Event clusters: the same real-world event told by many articles (or twice in one) is one cluster.

Key: PLOVER type, status class (config.STATUS_CLASS), the actor pair at country + sector level
(unordered for symmetric types), and the place when there is one. Dates: within
`AggregateConfig.window_days` of the cluster's first date. Counts follow GDELT: `mentions` (every
telling, copies included), `articles` (documents, wire copies included), `sources` (distinct sites,
or files when there is no URL): a wire story republished by two sites counts two sources, by one
site twice counts one.

Clusters are written in day order and their members in cluster order (store migration 8 sorted
the older ones): DuckDB then skips every row group outside a period by its min/max day, and finds
a cluster's members by its id without reading the whole table.

Incremental, all in DuckDB SQL: `update_clusters` assigns the events that have no cluster yet,
first to an existing cluster they fit (nearest date), then to new clusters formed among themselves
(gaps and islands over the date), and recounts only the clusters it touched plus those the store
marked dirty (an article re-ingested, a copy of a clustered article arriving). Re-ingesting an
article never inflates a count: its events keep their ids and their old memberships are dropped
before they are written again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import duckdb

from ..store.db import first
from .config import AggregateConfig, status_class_sql

_KEYED_EVENTS = """
    SELECT e.id, e.type, {sclass} AS status_class,
           CASE WHEN e.is_symmetric AND coalesce(e.target_code, '') < coalesce(e.source_code, '')
                THEN coalesce(e.target_code, '') ELSE coalesce(e.source_code, '') END AS a_code,
           CASE WHEN e.is_symmetric AND coalesce(e.target_code, '') < coalesce(e.source_code, '')
                THEN coalesce(e.source_code, '') ELSE coalesce(e.target_code, '') END AS b_code,
           e.event_day AS d, e.place
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN event_cluster_members m ON m.event_id = e.id
    WHERE m.event_id IS NULL AND a.duplicate_of IS NULL
"""

_ATTACH = """
    SELECT n.id AS event_id, arg_min(c.id, abs(coalesce(date_diff('day', c.day, n.d), 0))) AS cluster_id
    FROM new_events n JOIN event_clusters c
      ON c.type = n.type AND c.status_class = n.status_class AND c.a_code = n.a_code AND c.b_code = n.b_code
     AND ((n.d IS NULL AND c.day IS NULL) OR abs(date_diff('day', c.day, n.d)) <= {w})
     AND (n.place IS NULL OR c.place IS NULL OR n.place = c.place)
    GROUP BY n.id
"""

# Gaps and islands: within one key, a new island starts where the date jumps more than the window
# past the previous date; an island longer than the window is then cut into windows counted from
# its first date, so that no cluster spans more than `window_days`. Ids hash the key and the
# window's first date: rebuilding gives the same ids.
_ISLANDS = """
    WITH rest AS (
        SELECT n.*, coalesce(n.place, '') AS pk FROM new_events n ANTI JOIN attached t ON t.event_id = n.id
    ), marked AS (
        SELECT *, CASE WHEN lag(d) OVER k IS NULL OR date_diff('day', lag(d) OVER k, d) > {w} THEN 1 ELSE 0 END AS brk
        FROM rest WINDOW k AS (PARTITION BY type, status_class, a_code, b_code, pk ORDER BY d, id)
    ), islands AS (
        SELECT *, sum(brk) OVER (PARTITION BY type, status_class, a_code, b_code, pk ORDER BY d, id
                                 ROWS UNBOUNDED PRECEDING) AS island
        FROM marked
    ), firsts AS (
        SELECT *, min(d) OVER (PARTITION BY type, status_class, a_code, b_code, pk, island) AS d0 FROM islands
    )
    SELECT id AS event_id,
           substr(md5(concat_ws('|', type, status_class, a_code, b_code, pk, coalesce(CAST(d0 AS VARCHAR), '-'),
                                CAST(coalesce(date_diff('day', d0, d) // ({w} + 1), 0) AS VARCHAR))), 1, 16) AS cluster_id
    FROM firsts
"""

_RECOUNT = """
    WITH mem AS (
        SELECT m.cluster_id, e.*, a.published, a.site, a.source AS a_source, a.url AS a_url, a.text AS a_text
        FROM event_cluster_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id
        WHERE m.cluster_id IN (SELECT cluster_id FROM touched)
    ), docs AS (  -- every document telling the event: the coded article and its copies
        SELECT cluster_id, mentions, article_id AS doc, coalesce(site, a_source) AS src, published FROM mem
        UNION ALL
        SELECT mem.cluster_id, mem.mentions, d.id, coalesce(d.site, d.source), d.published
        FROM mem JOIN articles d ON d.duplicate_of = mem.article_id
    ), counts AS (
        SELECT cluster_id, sum(mentions) AS mentions, count(DISTINCT doc) AS articles, count(DISTINCT src) AS sources,
               min(published) AS first_seen, max(published) AS last_seen
        FROM docs GROUP BY cluster_id
    ), rep AS (
        SELECT cluster_id, arg_min(id, (-coalesce(confidence, 0), event_day, id)) AS rid FROM mem GROUP BY cluster_id
    ), agg AS (
        SELECT cluster_id, count(*) AS n, min(event_day) AS day, max(event_day) AS last_day,
               avg(weight) AS weight, any_value(place) FILTER (WHERE place IS NOT NULL) AS place,
               CASE WHEN bool_or(status = 'occurred') THEN 'occurred' ELSE min(status) END AS status
        FROM mem GROUP BY cluster_id
    )
    SELECT agg.cluster_id, r.type, r.quad, agg.status, {sclass_r},
           {a_code}, {b_code}, coalesce(r.is_symmetric, false),
           r.source_code, r.source_country, r.source_sector, r.target_code, r.target_country, r.target_sector,
           r.mode, r.cameo, agg.day, agg.last_day, agg.place, agg.weight,
           agg.n, counts.mentions, counts.articles, counts.sources, counts.first_seen, counts.last_seen,
           r.id, substr(r.a_text, r.start_char + 1, r.end_char - r.start_char), r.a_url
    FROM agg JOIN rep USING (cluster_id) JOIN counts USING (cluster_id) JOIN mem r ON r.id = rep.rid AND r.cluster_id = agg.cluster_id
    ORDER BY agg.day NULLS LAST, agg.cluster_id
"""


@dataclass(frozen=True, slots=True)
class ClusterUpdate:
    new_events: int
    attached: int
    new_clusters: int
    recounted: int
    seconds: float


def update_clusters(con: duckdb.DuckDBPyConnection, cfg: AggregateConfig | None = None) -> ClusterUpdate:
    """Bring `event_clusters` up to date with `events`, touching only what changed. One transaction."""
    cfg = cfg or AggregateConfig()
    w = int(cfg.window_days)
    t0 = time.perf_counter()
    con.execute("BEGIN")
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE new_events AS {_KEYED_EVENTS.format(sclass=status_class_sql('e.status'))}"
        )
        con.execute(f"CREATE OR REPLACE TEMP TABLE attached AS {_ATTACH.format(w=w)}")
        con.execute(f"CREATE OR REPLACE TEMP TABLE islands AS {_ISLANDS.format(w=w)}")
        con.execute(
            "INSERT INTO event_cluster_members SELECT event_id, cluster_id FROM "
            "(SELECT * FROM attached UNION ALL SELECT * FROM islands) ORDER BY cluster_id, event_id"
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT cluster_id FROM "
            "(SELECT cluster_id FROM attached UNION ALL SELECT cluster_id FROM islands "
            "UNION ALL SELECT cluster_id FROM clusters_dirty)"
        )
        counts = first(
            con.execute(
                "SELECT (SELECT count(*) FROM new_events), (SELECT count(*) FROM attached), "
                "(SELECT count(DISTINCT cluster_id) FROM islands), (SELECT count(*) FROM touched)"
            )
        )
        con.execute("DELETE FROM event_clusters WHERE id IN (SELECT cluster_id FROM touched)")
        a_code = (
            "CASE WHEN r.is_symmetric AND coalesce(r.target_code, '') < coalesce(r.source_code, '') "
            "THEN coalesce(r.target_code, '') ELSE coalesce(r.source_code, '') END"
        )
        b_code = (
            "CASE WHEN r.is_symmetric AND coalesce(r.target_code, '') < coalesce(r.source_code, '') "
            "THEN coalesce(r.source_code, '') ELSE coalesce(r.target_code, '') END"
        )
        con.execute(
            "INSERT INTO event_clusters "
            + _RECOUNT.format(sclass_r=status_class_sql("r.status"), a_code=a_code, b_code=b_code)
        )
        con.execute("DELETE FROM clusters_dirty")
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    assert counts is not None
    return ClusterUpdate(int(counts[0]), int(counts[1]), int(counts[2]), int(counts[3]), time.perf_counter() - t0)


def rebuild_clusters(con: duckdb.DuckDBPyConnection, cfg: AggregateConfig | None = None) -> ClusterUpdate:
    """Forget every cluster and build them again (after changing the window, say)."""
    con.execute("BEGIN")
    con.execute("DELETE FROM event_cluster_members")
    con.execute("DELETE FROM event_clusters")
    con.execute("DELETE FROM clusters_dirty")
    con.execute("COMMIT")
    return update_clusters(con, cfg)
