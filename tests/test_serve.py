"""Routes of `alianza serve` through FastAPI's TestClient, on the real demo store (examples/)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from alianza.aggregate.queries import Window
from alianza.api import Alianza
from alianza.serve import charts, layout, params
from alianza.serve.app import create_app


@pytest.fixture(scope="module")
def client(examples_store: Path) -> Iterator[TestClient]:
    app = create_app(examples_store)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.reader.close()


def test_network_matches_the_api_and_rus_prk_is_cooperative(client: TestClient, examples_store: Path) -> None:
    got = client.get("/api/network").json()
    with Alianza(examples_store) as api:
        _nodes, edges = api.network(Window())
        want = {(r[0], r[1]): r[5] for r in edges.fetchall()}
    assert {(e["source"], e["target"]): e["net"] for e in got["edges"]} == want
    edge = next(e for e in got["edges"] if e["id"] == "PRK|RUS")
    assert edge["net"] > 0 and edge["mean"] > 0
    assert edge["colour"] == layout.score_colour(edge["mean"]) and edge["colour"] != layout.score_colour(-edge["mean"])
    ids = {n["id"] for n in got["nodes"]}
    assert {e["source"] for e in got["edges"]} | {e["target"] for e in got["edges"]} == ids
    assert all(0 <= n["x"] <= layout.EXTENT and 0 <= n["y"] <= layout.EXTENT for n in got["nodes"])
    assert got["total_edges"] == got["shown_edges"] == len(want)
    for n in got["nodes"]:  # activity: every cluster of the node's dyads
        assert n["clusters"] == sum(e["clusters"] for e in got["edges"] if n["id"] in (e["source"], e["target"]))
    capped = client.get("/api/network", params={"max_edges": 2}).json()
    busiest = {n["id"]: n["clusters"] for n in got["nodes"]}
    assert all(n["clusters"] == busiest[n["id"]] for n in capped["nodes"])  # not only the dyads shown


def test_blocs_come_with_the_network_or_apart(client: TestClient) -> None:
    full = client.get("/api/network").json()
    bare = client.get("/api/network", params={"blocs": "false"}).json()
    blocs = client.get("/api/blocs").json()["blocs"]
    assert {n["id"]: n["colour"] for n in bare["nodes"]} == dict.fromkeys([n["id"] for n in bare["nodes"]], layout.NO_BLOC)
    assert blocs["RUS"]["bloc"] == blocs["PRK"]["bloc"]  # the treaty pair cooperates: one bloc
    for n in full["nodes"]:
        assert n["colour"] == (blocs[n["id"]]["colour"] if n["id"] in blocs else layout.NO_BLOC)
    assert [(n["x"], n["y"]) for n in full["nodes"]] == [(n["x"], n["y"]) for n in bare["nodes"]]


def test_network_filters_narrow_the_edges(client: TestClient) -> None:
    everything = client.get("/api/network").json()
    coop = client.get("/api/network", params={"quad": "verbal-cooperation,material-cooperation"}).json()
    assert 0 < coop["shown_edges"] < everything["shown_edges"]
    assert all(e["cooperation"] > 0 and e["conflict"] == 0 for e in coop["edges"])
    assault = client.get("/api/network", params={"type": "ASSAULT"}).json()
    assert assault["edges"] and all(e["net"] < 0 for e in assault["edges"])
    one = client.get("/api/network", params={"max_edges": 1}).json()
    assert one["shown_edges"] == 1 and one["total_edges"] == everything["total_edges"]
    assert one["edges"][0]["clusters"] == max(e["clusters"] for e in everything["edges"])
    busy = client.get("/api/network", params={"min_clusters": 2}).json()
    assert all(e["clusters"] >= 2 for e in busy["edges"]) and busy["shown_edges"] < everything["shown_edges"]
    sector = client.get("/api/network", params={"level": "sector"}).json()
    assert any(" " in n["id"] for n in sector["nodes"])


def test_network_period_changes_the_edges(client: TestClient) -> None:
    y2024 = client.get("/api/network", params={"from": "2024-01-01", "to": "2024-12-31"}).json()
    y2025 = client.get("/api/network", params={"from": "2025-01-01", "to": "2025-12-31"}).json()
    assert {e["id"] for e in y2024["edges"]} == {"PRK|RUS"} or "PRK|RUS" in {e["id"] for e in y2024["edges"]}
    assert {e["id"] for e in y2024["edges"]} != {e["id"] for e in y2025["edges"]}
    empty = client.get("/api/network", params={"from": "1990-01-01", "to": "1990-12-31"}).json()
    assert empty["nodes"] == [] and empty["edges"] == []


def test_network_is_cached_per_query(client: TestClient) -> None:
    reader = client.app.state.reader  # type: ignore[attr-defined]
    q = params.net_query("2025-01-01", None, None, None, None, None, None)
    first = reader.network(q, with_blocs=False)
    assert reader.network(q, with_blocs=False) is first
    assert reader.network(q)["edges"] is first["edges"]  # bloc colours are laid over the cached map
    assert reader.network(params.net_query("2025-01-02", None, None, None, None, None, None), with_blocs=False) is not first


def test_network_page_carries_its_first_map(client: TestClient) -> None:
    """The page's URL names the map the form will ask for: the server draws it into the HTML (an SVG
    of every node and edge, as cytoscape will) with its JSON, the same as /api/network's, and caches
    it under the form's query."""
    reader = client.app.state.reader  # type: ignore[attr-defined]
    query = {"from": "2024-07-01", "to": "2025-03-31", "quad": "verbal-cooperation", "max_edges": "300"}
    page = client.get("/", params=query)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    form = params.net_query("2024-07-01", "2025-03-31", "verbal-cooperation", None, "country", 1, 300)  # what the form sends
    assert form in reader._networks
    api = client.get("/api/network", params={**query, "blocs": "false", "level": "country", "min_clusters": "1"})
    net = api.json()
    assert api.headers["server-timing"].startswith("network;dur=")  # the server's share of the page's fetch
    html = page.text
    assert 'data-map="server"' in html
    svg = html[html.index('<svg id="map-svg"') : html.index("</svg>", html.index('<svg id="map-svg"'))]
    assert svg.count("<circle ") == len(net["nodes"]) and svg.count("<line ") == len(net["edges"]) > 0
    for n in net["nodes"][:3]:
        assert f'<circle cx="{n["x"]}" cy="{n["y"]}" r="{n["size"] / 2:g}" fill="{n["colour"]}"/>' in svg
    x, y, w, h = net["box"]
    assert f'viewBox="{x} {y} {w} {h}"' in svg
    data = html[html.index('id="map-data">') + len('id="map-data">') : html.index("</script>", html.index('id="map-data">'))]
    assert json.loads(data) == net
    before = len(reader._networks)
    for bad in ({"from": "2024-13-01"}, {"max_edges": "many"}, {"quad": "nonsense"}, {"type": "AID,ASSAULT"}):
        got = client.get("/", params=bad)
        assert got.status_code == 200  # the page loads; its own request says what is wrong
        assert "map-svg" not in got.text and 'data-map="server"' not in got.text
    assert len(reader._networks) == before


def test_map_svg_escapes_and_frames_every_node() -> None:
    nodes = [
        {"id": "A<B", "x": 0.0, "y": 0.0, "size": 20.0, "colour": "#9e9e9e"},
        {"id": "IGO NATO", "x": 1000.0, "y": 500.0, "size": 60.0, "colour": "#9e9e9e"},
    ]
    edges = [{"source": "A<B", "target": "IGO NATO", "colour": "#2166ac", "width": 3.0}] * 3
    svg = layout.network_svg({"nodes": nodes, "edges": edges}, most=2)
    assert "A&lt;B" in svg and "A<B" not in svg and svg.count("<line ") == 2
    x, y, w, h = layout.svg_box(nodes)
    assert (x, y) == (-10 - layout.SVG_PAD, -10 - layout.SVG_PAD) and (x + w, y + h) == (1030 + layout.SVG_PAD, 530 + layout.SVG_PAD)
    assert layout.network_svg({"nodes": [], "edges": []}).count("<circle") == 0


def test_dyad_has_series_shifts_and_clusters(client: TestClient) -> None:
    d = client.get("/api/dyad", params={"a": "rus", "b": "PRK"}).json()
    assert (d["a"], d["b"]) == ("PRK", "RUS")
    months = [m["month"] for m in d["series"]]
    assert months == sorted(months) and months[0] == "2024-06-01" and "2024-07-01" in months  # gaps filled
    assert sum(m["clusters"] for m in d["series"]) == d["totals"]["clusters"] > 0
    assert d["totals"]["net"] > 0
    assert d["clusters_total"] == len(d["clusters"]) and all(c["evidence"] for c in d["clusters"])
    assert d["shifts"] and abs(d["shifts"][0]["change"]) >= abs(d["shifts"][-1]["change"])
    page = client.get("/dyad", params={"a": "RUS", "b": "PRK"})
    assert page.status_code == 200 and "<svg" in page.text and 'class="cluster"' in page.text


def test_biggest_shifts_orders_by_size() -> None:
    rows = [{"month": f"2025-0{i}-01", "net": n} for i, n in enumerate([0.0, 4.0, 1.0, 1.0, -6.0], start=1)]
    got = params_free_shifts(rows)
    assert [(s["month"], s["change"]) for s in got] == [("2025-05-01", -7.0), ("2025-02-01", 4.0), ("2025-03-01", -3.0)]


def params_free_shifts(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    from alianza.serve.data import biggest_shifts

    return biggest_shifts(rows)  # type: ignore[arg-type]


def test_evidence_marks_trigger_and_both_sides(client: TestClient) -> None:
    d = client.get("/api/dyad", params={"a": "RUS", "b": "PRK"}).json()
    treaty = next(c for c in d["clusters"] if c["type"] == "AGREE" and "Putin" in c["evidence"])
    got = client.get(f"/api/cluster/{treaty['id']}").json()
    ev = got["evidence"][0]
    kinds = {s["kind"]: s["text"] for s in ev["segments"] if s["kind"]}
    assert kinds["trigger"] == "firmaron"
    assert "Putin" in kinds["source"] and "Kim Jong-un" in kinds["target"]
    assert "".join(s["text"] for s in ev["segments"]) == ev["sentence_text"]
    assert ev["rule"] and ev["status"] == "occurred" and ev["title"] and ev["published"] == "2024-06-19"
    page = client.get(f"/cluster/{treaty['id']}").text
    assert '<mark class="trigger" title="trigger">firmaron</mark>' in page
    art = client.get(f"/article/{ev['article_id']}", params={"event": ev["id"]}).text
    assert '<mark class="sentence" id="sentence">' in art and "firmaron" in art


def test_evidence_lookups_match_one_join_for_every_cluster_and_event(examples_store: Path) -> None:
    """The evidence pages read by keys, step by step: the same rows, order and copies as the one
    query that joins members, events and articles."""
    from alianza.serve.data import Reader

    reader = Reader(examples_store)
    try:
        joined = reader.rows(
            """SELECT m.cluster_id, e.id, e.article_id, a.title, a.published,
                      coalesce(e.json->>'$.evidence.text', substr(a.text, e.start_char + 1, e.end_char - e.start_char)) AS sentence,
                      (SELECT list(d.id ORDER BY d.published, d.id) FROM articles d WHERE d.duplicate_of = a.id) AS copies
               FROM event_cluster_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id
               ORDER BY m.cluster_id, a.published NULLS LAST, e.article_id, e.sentence, e.id"""
        )
        by_cluster: dict[str, list[tuple[object, ...]]] = {}
        for r in joined:
            by_cluster.setdefault(r["cluster_id"], []).append(
                (r["id"], r["article_id"], r["title"], r["published"], r["sentence"], r["copies"] or [])
            )
        assert len(by_cluster) > 10
        for cid, want in by_cluster.items():
            page = reader.cluster(cid)
            assert page["cluster"]["id"] == cid
            got = [
                (e["id"], e["article_id"], e["title"], e["published"], e["sentence_text"], [c["id"] for c in e["copies"]])
                for e in page["evidence"]
            ]
            assert got == want and all(e["cluster_id"] == cid for e in page["evidence"])
            one = reader.event(want[0][0])["evidence"][0]
            assert (one["id"], one["cluster_id"], one["sentence_text"]) == (want[0][0], cid, want[0][4])
        with pytest.raises(params.NotFound):
            reader.cluster("0000000000000000")
    finally:
        reader.close()


def test_highlight_finds_sides_by_text_and_keeps_the_sentence() -> None:
    s = "Ghana's parliament thanked the Nigerian army for its help."
    runs = layout.highlight(s, "thanked", None, "Ghana's parliament", "the nigerian army")
    assert [(r["kind"], r["text"]) for r in runs if r["kind"]] == [
        ("source", "Ghana's parliament"), ("trigger", "thanked"), ("target", "the Nigerian army")
    ]  # fmt: skip
    assert "".join(r["text"] for r in runs) == s
    assert layout.highlight(s, None, (500, 510), None, "Peru") == [{"text": s, "kind": None}]


def test_actor_page_ranks_partners_and_lists_names(client: TestClient) -> None:
    a = client.get("/api/actor", params={"code": "RUS"}).json()
    nets = [p["net"] for p in a["partners"]]
    assert nets == sorted(nets, reverse=True) and "PRK" in [p["partner"] for p in a["partners"]]
    assert a["bloc"] is not None and "RUS" in a["bloc_members"]
    assert any("ruso" in n["name"].lower() or "rusia" in n["name"].lower() for n in a["names"])
    page = client.get("/actor", params={"code": "RUS"}).text
    assert "Russian Federation" in page and "<svg" in page


def test_known_actors_are_every_side_at_each_level(examples_store: Path) -> None:
    from alianza.serve.data import Reader, level_cols

    reader = Reader(examples_store)
    try:
        for level in ("country", "sector"):
            s, t = level_cols(level)
            sides = reader.rows(f"SELECT {s} AS a FROM event_clusters UNION SELECT {t} FROM event_clusters")
            assert reader.actors(level) == {r["a"] for r in sides if r["a"] is not None}
        assert any(a.startswith("IGO ") for a in reader.actors("country"))  # organisations keep their code
        assert "RUS" in reader.actors("country") and "RUS GOV" in reader.actors("sector")
    finally:
        reader.close()


@pytest.mark.parametrize(
    ("query", "code"), [("Russia", "RUS"), ("Rusia", "RUS"), ("EU", "IGO EU"), ("Kremlin", "RUS"), ("rus", "RUS")]
)
def test_search_finds_actors_by_name(client: TestClient, query: str, code: str) -> None:
    hits = client.get("/api/search", params={"q": query}).json()["hits"]
    assert hits and hits[0]["code"] == code


def test_search_at_sector_level_and_misses(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Kremlin", "level": "sector"}).json()["hits"]
    assert hits[0]["code"] == "RUS GOV"
    assert client.get("/api/search", params={"q": "Atlantis"}).json()["hits"] == []
    assert "No actor" in client.get("/partials/search", params={"q": "Atlantis"}).text


def test_events_table_filters_sorts_and_pages(client: TestClient) -> None:
    allv = client.get("/api/events", params={"per_page": 200}).json()
    assert allv["total"] == len(allv["events"]) > 0
    es = client.get("/api/events", params={"lang": "es", "sort": "-date", "per_page": 200}).json()
    days = [e["day"] for e in es["events"] if e["day"]]
    assert days == sorted(days, reverse=True) and {e["lang"] for e in es["events"]} == {"es"}
    p1 = client.get("/api/events", params={"per_page": 5}).json()
    p2 = client.get("/api/events", params={"per_page": 5, "page": 2}).json()
    assert p1["pages"] == -(-allv["total"] // 5) and not {e["id"] for e in p1["events"]} & {e["id"] for e in p2["events"]}
    rus = client.get("/api/events", params={"actor": "RUS", "type": "AGREE"}).json()
    assert rus["events"] and all(e["type"] == "AGREE" for e in rus["events"])
    html = client.get("/events", params={"type": "ASSAULT"}, headers={"HX-Request": "true"}).text
    assert html.lstrip().startswith("<p") and "ASSAULT" in html and "<html" not in html


@pytest.mark.parametrize(
    "query",
    [
        {"sort": "-date", "per_page": 7, "page": 2},
        {"sort": "type", "per_page": 5},
        {"sort": "source", "per_page": 9, "page": 3},
        {"actor": "RUS", "sort": "-language"},
        {"from": "2025-01-01", "sort": "status", "per_page": 11},
    ],
)
def test_events_page_rows_match_one_join(client: TestClient, examples_store: Path, query: dict[str, object]) -> None:
    """The table's rows are read by key (events, articles, memberships apart): the same rows,
    columns and order as the one query joining the three tables, memberships included."""
    from alianza.serve.data import Reader

    got = client.get("/api/events", params=query).json()
    assert got["events"]
    reader = Reader(examples_store)
    try:
        q = params.event_query(
            query.get("from"), None, None, None, query.get("actor"), None, None, query.get("sort"),  # type: ignore[arg-type]
            query.get("page"), query.get("per_page"),  # type: ignore[arg-type]
        )  # fmt: skip
        bound: dict[str, object] = {}
        joined = reader.rows(
            reader._events_sql(q, bound, page=False) + " LIMIT $lim OFFSET $off",
            {**bound, "lim": q.per_page, "off": (q.page - 1) * q.per_page},
        )
    finally:
        reader.close()
    assert got["events"] == joined
    assert any(e["cluster_id"] for e in got["events"])


def test_export_is_the_current_filter(client: TestClient, tmp_path: Path) -> None:
    want = client.get("/api/events", params={"lang": "en", "per_page": 200}).json()
    got = client.get("/api/events/export", params={"format": "csv", "lang": "en"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["id"] for r in rows] == [e["id"] for e in want["events"]]
    pq = client.get("/api/events/export", params={"format": "parquet", "lang": "en"})
    (tmp_path / "e.parquet").write_bytes(pq.content)
    n = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchall()[0][0]
    assert n == want["total"]


@pytest.mark.parametrize(
    ("url", "status", "reason"),
    [
        ("/api/network?from=2025-02-30", 400, "expected a date"),
        ("/api/network?from=2025-05-01&to=2025-01-01", 400, "after to"),
        ("/api/network?quad=friendly", 400, "expected any of"),
        ("/api/network?type=HUG", 400, "expected any of"),
        ("/api/network?level=planet", 400, "expected one of"),
        ("/api/network?max_edges=10000000", 400, "from 1 to 50000"),
        ("/api/network?min_clusters=abc", 400, "min_clusters"),
        ("/api/dyad?a=RUS&b=ATL", 404, "unknown actor 'ATL'"),
        ("/api/dyad?a=RUS", 400, "b"),
        ("/api/dyad?a=RUS&b=RUS", 400, "two different actors"),
        ("/api/dyad?a=RUS&b=PRK&page=50", 404, "past the end"),
        ("/api/actor?code=ZZZ", 404, "unknown actor"),
        ("/api/cluster/nope", 404, "unknown cluster"),
        ("/api/event/nope", 404, "unknown event"),
        ("/api/article/nope", 404, "unknown article"),
        ("/api/events?page=1000", 404, "past the end"),
        ("/api/events?per_page=100000", 400, "from 1 to 200"),
        ("/api/events?sort=id;drop", 400, "sort="),
        ("/api/events?lang=e'n", 400, "language code"),
        ("/api/events/export?format=xlsx", 400, "csv or parquet"),
        ("/api/nothing", 404, "no page at"),
        ("/api/search?q=" + "x" * 200, 400, "at most 100"),
    ],
)
def test_bad_requests_get_a_clear_4xx(client: TestClient, url: str, status: int, reason: str) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    assert reason in r.json()["error"]


def test_bad_page_requests_get_an_html_reason(client: TestClient) -> None:
    r = client.get("/dyad?a=RUS&b=ATL")
    assert r.status_code == 404 and "unknown actor" in r.text and "Traceback" not in r.text
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "no page at" in r.text
    assert client.post("/api/network").status_code == 405


def test_injection_is_a_value_not_sql(client: TestClient) -> None:
    r = client.get("/api/events", params={"source": "x' OR '1'='1", "actor": "RUS' --"})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/network", "/api/dyad", "/api/cluster/{cluster_id}", "/api/events", "/api/search"} <= set(spec["paths"])
    assert client.get("/api/docs").status_code == 200


def test_assets_are_local(client: TestClient) -> None:
    page = client.get("/").text
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    for path in ("/static/vendor/cytoscape-3.35.0.min.js", "/static/vendor/htmx-2.0.11.min.js", "/static/network.js"):
        assert client.get(path).status_code == 200


def test_serving_never_writes_the_store(examples_store: Path) -> None:
    before = hashlib.sha256(examples_store.read_bytes()).hexdigest()
    app = create_app(examples_store)
    with TestClient(app) as c:
        for url in ("/", "/api/network", "/api/dyad?a=RUS&b=PRK", "/actor?code=RUS", "/events", "/api/events/export"):
            assert c.get(url).status_code == 200
        with pytest.raises(duckdb.Error):
            app.state.reader.api.con.execute("CREATE TABLE x (i INTEGER)")
    app.state.reader.close()
    assert hashlib.sha256(examples_store.read_bytes()).hexdigest() == before


def test_chart_svg_has_one_bar_group_per_month() -> None:
    rows = [
        {"month": "2025-01-01", "verbal_cooperation": 2, "material_cooperation": 0, "verbal_conflict": 1,
         "material_conflict": 0, "cooperation": 5.0, "conflict": 2.0, "net": 3.0},
        {"month": "2025-02-01", "verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 0,
         "material_conflict": 3, "cooperation": 0.0, "conflict": 9.0, "net": -9.0},
    ]  # fmt: skip
    svg = charts.series_svg(rows)
    assert svg.count('class="bar"') == 3 and 'data-months="2"' in svg and "2025-02 net: -9.0" in svg
    assert "No dated" in charts.series_svg([])


def _serve(store: Path, host: str) -> tuple[str, str]:
    """Run `alianza serve` for real, wait for an answer, stop it; (stdout, stderr)."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "alianza.cli", "serve", "--db", str(store), "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://{host}:{port}/api/meta", timeout=5) as r:
                    assert r.status == 200
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "alianza serve did not answer"
                time.sleep(0.05)
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert f"http://{host}:{port}/" in out
    return out, err


def test_serve_command_prints_the_url_and_warns_off_localhost(examples_store: Path) -> None:
    _out, err = _serve(examples_store, "127.0.0.1")
    assert "warning" not in err
    _out, err = _serve(examples_store, "127.0.0.2")  # loopback too, but not the default: still warned
    assert "warning: binding 127.0.0.2" in err and "readable by anyone" in err


def test_serve_command_refuses_a_missing_store(tmp_path: Path) -> None:
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "alianza.cli", "serve", "--db", str(tmp_path / "none.duckdb")], capture_output=True, text=True
    )
    assert r.returncode != 0 and "no such store" in r.stderr


def test_dyad_pages_cover_every_cluster_once_in_order(client: TestClient) -> None:
    whole = client.get("/api/dyad", params={"a": "RUS", "b": "PRK"}).json()
    paged = []
    for page in range(1, whole["clusters_total"] + 1):
        got = client.get("/api/dyad", params={"a": "RUS", "b": "PRK", "per_page": 1, "page": page}).json()
        paged += [c["id"] for c in got["clusters"]]
    assert paged == [c["id"] for c in whole["clusters"]] and len(paged) == whole["clusters_total"]
    two = client.get("/api/dyad", params={"a": "RUS", "b": "PRK", "per_page": 2, "page": 2}).json()
    assert [c["id"] for c in two["clusters"]] == paged[2:4]


def test_a_download_past_the_bound_is_refused(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from alianza.serve import data

    monkeypatch.setattr(data, "EXPORT_MAX_ROWS", 10)
    r = client.get("/api/events/export", params={"format": "csv"})
    assert r.status_code == 400 and "at most 10" in r.json()["error"] and "narrow" in r.json()["error"]
    assert client.get("/api/events/export", params={"format": "csv", "type": "AGREE"}).status_code == 200


def _two_cliques() -> tuple[list[str], list[dict[str, object]]]:
    """Two groups of five actors, tied inside each group and by one weak edge between them."""
    left, right = [f"L{i}" for i in range(5)], [f"R{i}" for i in range(5)]
    edges: list[dict[str, object]] = []
    for group in (left, right):
        edges += [{"source": a, "target": b, "clusters": 20} for i, a in enumerate(group) for b in group[i + 1 :]]
    edges.append({"source": "L0", "target": "R0", "clusters": 1})
    return sorted(left + right), edges


def test_layout_is_deterministic_and_keeps_partners_close() -> None:
    nodes, edges = _two_cliques()
    pos = layout.positions(nodes, edges)
    assert pos == layout.positions(nodes, edges)  # the same query draws the same map
    assert set(pos) == set(nodes)
    assert all(0 <= x <= layout.EXTENT and 0 <= y <= layout.EXTENT for x, y in pos.values())

    def dist(a: str, b: str) -> float:
        return float(((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5)

    inside = [dist(a, b) for g in "LR" for a in nodes if a[0] == g for b in nodes if b[0] == g and a < b]
    across = [dist(a, b) for a in nodes if a[0] == "L" for b in nodes if b[0] == "R"]
    assert max(inside) < min(across)
    assert len({p for p in pos.values()}) == len(nodes)  # no two actors on one spot


def test_layout_of_edge_cases() -> None:
    assert layout.positions([], []) == {}
    assert list(layout.positions(["RUS"], [])) == ["RUS"]
    two = layout.positions(["PRK", "RUS"], [{"source": "PRK", "target": "RUS", "clusters": 3}])
    assert two["PRK"] != two["RUS"]
