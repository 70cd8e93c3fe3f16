"""`Store.write_many` replaces what is stored and skips the deletes for what is not (issue 17e):
an article written again keeps one row, its old events, signature, bands and cluster memberships
go, its clusters are marked for a recount; several batches (with their place counts) in one call."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from alianza.aggregate.clusters import update_clusters
from alianza.aggregate.config import AggregateConfig
from alianza.ingest import dedup
from alianza.pipeline import Resources, code_article, make_article
from alianza.store.db import Fingerprint, Store

from .fixtures_ingest import EN_BODY, ES_BODY


def _count(store: Store, sql: str) -> int:
    got = store.con.execute(sql).fetchall()
    return int(got[0][0])


def test_an_article_written_again_replaces_its_rows_and_new_ones_skip_the_deletes(res: Resources, tmp_path: Path) -> None:
    en = code_article(make_article(EN_BODY, lang="en", origin="a"), res)
    es = code_article(make_article(ES_BODY, lang="es", origin="b"), res)
    assert len(en.events) >= 2 and es.events
    sig = dedup.signature(en.article.text)
    assert sig is not None
    fp = Fingerprint(sig.to_bytes(), sig.bands)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        # two batches in one call, each with its own place counts
        store.write_many([(en, fp, {}), (es, None, {})], [{"site-a": {"UKR": 2}}, {"site-a": {"UKR": 1, "RUS": 1}}])
        update_clusters(store.con, AggregateConfig())
        assert _count(store, "SELECT count(*) FROM event_cluster_members") == len(en.events) + len(es.events)
        # the English article again, with one event fewer
        fewer = replace(en, events=en.events[:-1])
        store.write_many([(fewer, fp, {})])
        assert _count(store, "SELECT count(*) FROM articles") == 2
        assert _count(store, f"SELECT count(*) FROM events WHERE article_id = '{en.article.id}'") == len(en.events) - 1
        assert _count(store, f"SELECT count(*) FROM events WHERE article_id = '{es.article.id}'") == len(es.events)
        assert _count(store, "SELECT count(*) FROM minhash") == 1
        assert _count(store, "SELECT count(*) FROM minhash_bands") == len(sig.bands)
        old_members = f"SELECT count(*) FROM event_cluster_members m JOIN events e ON e.id = m.event_id WHERE e.article_id = '{en.article.id}'"
        assert _count(store, old_members) == 0  # its old memberships went with its old events
        assert _count(store, "SELECT count(*) FROM clusters_dirty") >= 1
        assert store.source_places() == {"site-a": {"UKR": 3, "RUS": 1}}
        update_clusters(store.con, AggregateConfig())
        assert _count(store, "SELECT count(*) FROM event_cluster_members") == len(en.events) - 1 + len(es.events)
