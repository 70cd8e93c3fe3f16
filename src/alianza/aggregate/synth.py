"""A synthetic store for `alianza bench --aggregate`: realistic skew, built in DuckDB SQL.

A few hundred actors (countries, some with a sector, some organisations), dyads drawn with a
power law (a handful of pairs carry most events, as in GDELT), PLOVER types with their real quad
classes and weights, statuses mostly `occurred`, dates over ten years, about five events per
article, one article in ten a copy of another (wire stories).
"""

from __future__ import annotations

import duckdb

from ..events.ontology import load_ontology
from ..store.db import Store

SECTORS = ("GOV", "MIL", "REB", "CVL", "COP", "OPP", "BUS", "MED")


def build_synthetic(path: str, n_events: int, n_actors: int = 300, years: int = 10, seed: float = 0.42) -> None:
    with Store(path) as store:
        con = store.con
        con.execute(f"SELECT setseed({seed})")
        onto = load_ontology()
        types = [(t.name, t.quad, t.cameo, t.weight, t.symmetric) for t in onto.values()]
        con.execute(
            "CREATE OR REPLACE TEMP TABLE t_types (i INTEGER, name VARCHAR, quad VARCHAR, cameo VARCHAR, weight DOUBLE, sym BOOLEAN)"
        )
        con.executemany("INSERT INTO t_types VALUES (?, ?, ?, ?, ?, ?)", [(i, *t) for i, t in enumerate(types)])
        sectors = ", ".join(f"'{s}'" for s in SECTORS)
        # actors: a few organisations, the rest countries from the ISO list, most with a sector
        con.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE t_actors AS
            WITH c AS (
                SELECT row_number() OVER () - 1 AS i, code FROM (
                    SELECT DISTINCT chr(CAST(65 + (x // 676) % 26 AS INTEGER)) || chr(CAST(65 + (x // 26) % 26 AS INTEGER)) || chr(CAST(65 + x % 26 AS INTEGER)) AS code
                    FROM range(0, 17576, 37) r(x)) LIMIT {n_actors})
            SELECT i,
                   CASE WHEN i % 25 = 3 THEN 'IGO' ELSE code END AS country,
                   CASE WHEN i % 25 = 3 THEN 'ORG' || i ELSE ([{sectors}])[1 + (i % {len(SECTORS)})] END AS sector
            FROM c
            """
        )
        n_articles = max(1, n_events // 5)
        con.execute(
            f"""
            INSERT INTO articles (id, url, source, title, published, lang, text, sentences, parsed, content_hash, site, duplicate_of)
            SELECT 'a' || i, 'https://site' || (i % 500) || '.example/' || i, 'synthetic', NULL,
                   DATE '2015-01-01' + CAST(floor(random() * {365 * years}) AS INTEGER), 'en', '', 20, 4, 'h' || i,
                   'site' || (i % 500) || '.example', CASE WHEN i % 10 = 9 THEN 'a' || (i - 1) END
            FROM range({n_articles}) r(i)
            """
        )
        con.execute(
            f"""
            INSERT INTO events (id, article_id, type, mode, cameo, quad, weight, source_code, source_country, source_sector,
                                target_code, target_country, target_sector, status, date, date_precision, event_day,
                                confidence, sentence, start_char, end_char, trigger, rule, is_symmetric, mentions)
            WITH draws AS (
                SELECT i, 'a' || ((i // 5) - ((i // 5) % 10 = 9)::INTEGER) AS article_id,
                       CAST(floor(pow(random(), 3) * {n_actors}) AS INTEGER) AS s,
                       CAST(floor(pow(random(), 3) * {n_actors}) AS INTEGER) AS t,
                       CAST(floor(random() * {len(types)}) AS INTEGER) AS ty, random() AS st
                FROM range({n_events}) r(i)
            )
            SELECT 'e' || d.i, d.article_id, ty.name, NULL, ty.cameo, ty.quad, ty.weight,
                   sa.country || ' ' || sa.sector, sa.country, sa.sector,
                   ta.country || ' ' || ta.sector, ta.country, ta.sector,
                   CASE WHEN d.st < 0.8 THEN 'occurred' WHEN d.st < 0.9 THEN 'claimed' WHEN d.st < 0.96 THEN 'planned'
                        WHEN d.st < 0.98 THEN 'negated' ELSE 'hypothetical' END,
                   NULL, NULL, a.published, 0.8, 1, 0, 10, 'x', 'synthetic', ty.sym, 1
            FROM draws d JOIN t_actors sa ON sa.i = d.s JOIN t_actors ta ON ta.i = CASE WHEN d.t = d.s THEN (d.t + 1) % {n_actors} ELSE d.t END
            JOIN t_types ty ON ty.i = d.ty JOIN articles a ON a.id = d.article_id
            """
        )


def add_events(con: duckdb.DuckDBPyConnection, n: int, start: int) -> None:
    """`n` more events (new articles), as one ingest batch would bring them."""
    con.execute(
        f"""
        INSERT INTO articles (id, url, source, published, lang, text, sentences, parsed, content_hash, site)
        SELECT 'n' || i, 'https://new.example/' || i, 'synthetic', DATE '2024-12-01' + CAST(floor(random() * 30) AS INTEGER),
               'en', '', 20, 4, 'nh' || i, 'new' || (i % 50) || '.example'
        FROM range({start}, {start + n // 5}) r(i)
        """
    )
    con.execute(
        f"""
        INSERT INTO events (id, article_id, type, cameo, quad, weight, source_code, source_country, source_sector,
                            target_code, target_country, target_sector, status, event_day, confidence, sentence,
                            start_char, end_char, trigger, rule, is_symmetric, mentions)
        SELECT 'ne' || e.i, 'n' || ({start} + e.i // 5), x.type, x.cameo, x.quad, x.weight, x.source_code, x.source_country,
               x.source_sector, x.target_code, x.target_country, x.target_sector, x.status, a.published, 0.8, 1, 0, 10,
               'x', 'synthetic', x.is_symmetric, 1
        FROM range({n}) e(i)
        JOIN (SELECT row_number() OVER () - 1 AS k, * FROM (SELECT * FROM events USING SAMPLE {n} ROWS)) x ON x.k = e.i
        JOIN articles a ON a.id = 'n' || ({start} + e.i // 5)
        """
    )
