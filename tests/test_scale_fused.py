"""One trip per batch (issue 17): a fused task prepares and codes a batch before the driver has
checked its duplicates and counted its sources' places; the driver keeps the coding only where it
is exactly what the two-trip order codes, else codes the batch again. Run here without Dask: an
in-process executor that says it is remote takes the fused path, so the stores can be compared
with `--jobs 1` in seconds, and the tests with a real cluster (test_scale.py) check the same on
workers."""

from __future__ import annotations

import json
from pathlib import Path

from alianza.pipeline import Resources
from alianza.runner.run import IngestOptions, ingest
from alianza.scale.cluster import InlineExecutor

from .test_scale import QUERIES, ROOT, dump


class FusingInline(InlineExecutor):
    """Runs each task at submit in this process, like `--jobs 1`, but takes the fused path."""

    remote = True


# Written for this test: reports from a regional site that names its own country's places (its
# home country appears once it has counted enough of them), a wire desk that names many, people
# introduced by title, and copies of earlier reports at other addresses (exact and near).
REGIONAL = [
    "Campesinos bloquearon el martes la vía entre Medellín y Cali para exigir precios justos.",
    "Otros marcharon en Bogotá y Cúcuta, y la policía detuvo a tres dirigentes en Pasto.",
    "El alcalde de Cartagena se reunió el jueves en Barranquilla con comerciantes de Santa Marta.",
    "Comerciantes de Montería denunciaron extorsiones y la fiscalía abrió una investigación en Valledupar.",
    "Maestros de Bucaramanga, Ibagué y Manizales protestaron el lunes frente a la gobernación.",
    "El sindicato anunció una huelga en Pereira y Armenia si no recibe respuesta del ministerio.",
]
WIRE = [
    "The Kenyan foreign minister, Musalia Mudavadi, met his Ethiopian counterpart in Nairobi on Tuesday.",
    "The two ministers signed an agreement on border trade, and Ethiopia promised to reopen the crossing at Moyale.",
    "Protesters marched in Lima and Cusco on Friday against the Peruvian government.",
    "Police arrested dozens in Arequipa, and Peru's interior ministry said it would investigate.",
    "Kenya offered to host talks between Somalia and Ethiopia in Mombasa next month.",
    "Somalia's president welcomed the offer and accused Ethiopia of arming rebels in the south.",
]


def _corpus(path: Path) -> None:
    from itertools import combinations

    picks = list(combinations(range(6), 3))  # two reports share at most two sentences of three
    rows: list[dict[str, str]] = []
    for i in range(30):
        pool, site = (WIRE, "wire.example") if i % 3 == 2 else (REGIONAL, "regional.example")
        body = " ".join(pool[j] for j in picks[i % len(picks)]) + f" Informe {i}."
        if i % 10 == 7:  # a copy: the text of five reports earlier (the batch before) at another address
            body, site = rows[i - 5]["text"], "copies.example"
        rows.append({"text": body, "url": f"https://{site}/{i}"})
    rows.append({"text": rows[4]["text"] + " Actualizado.", "url": "https://other.example/late"})  # a near copy
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def test_one_trip_per_batch_stores_exactly_what_one_process_stores(res: Resources, tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    _corpus(src)
    corpus = [src, ROOT / "examples"]
    opts = IngestOptions(batch_size=4)
    one = ingest(corpus, tmp_path / "one.duckdb", res, opts, on_reject=lambda r: None)
    fused = ingest(corpus, tmp_path / "fused.duckdb", res, opts, on_reject=lambda r: None, executor=FusingInline(res))
    assert one.fused_batches == 0 and fused.fused_batches > 0
    # copies coded in vain that introduced people, or homes that moved: coded again, not kept
    assert fused.second_trips > 0
    a, b = dump(tmp_path / "one.duckdb"), dump(tmp_path / "fused.duckdb")
    assert a["events"] and a["people"] and a["places"]
    for table in QUERIES:
        assert b[table] == a[table], table
    assert (fused.articles, fused.coded, fused.events) == (one.articles, one.coded, one.events)


def test_a_resumed_run_takes_two_trips_while_it_reads_what_it_stored(res: Resources, tmp_path: Path) -> None:
    src, db = tmp_path / "c.jsonl", tmp_path / "r.duckdb"
    _corpus(src)
    ingest([src], db, res, IngestOptions(batch_size=4), on_reject=lambda r: None)
    before = dump(db)
    again = ingest([src], db, res, IngestOptions(batch_size=4), on_reject=lambda r: None, executor=FusingInline(res))
    assert again.articles == 0 and again.skipped_existing == 31
    # the batches sent before the first came back are coded in vain (all stored), the rest only prepared
    assert 0 < again.fused_batches <= 4 < 8
    assert dump(db) == before
