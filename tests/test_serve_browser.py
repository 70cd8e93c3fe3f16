"""`alianza serve` in a real browser: pytest-playwright driving Debian's chromium against a real
uvicorn server on 127.0.0.1, over the demo store (examples/).

Never `playwright install` (it downloads a browser): the tests use the system's chromium, skip
with one line naming the package when it is missing, and fail instead under CI=true. Every page
is checked for console errors and for requests leaving 127.0.0.1 (intercepted and refused).
Screenshots for the README: `ALIANZA_SCREENSHOTS=1 pytest tests/test_serve_browser.py`.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

pytest.importorskip("playwright", reason="pip install pytest-playwright (the dev extras)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        message = "browser tests need Debian's chromium: apt-get install chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": args}


@pytest.fixture(scope="module")
def server(examples_store: Path) -> Iterator[str]:
    import uvicorn

    from alianza.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(examples_store)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    app.state.reader.close()


@pytest.fixture
def guarded(page: Any) -> Iterator[Any]:
    """The page, with every request outside 127.0.0.1 refused and recorded, and console errors kept."""
    outside: list[str] = []
    local: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        host = urlparse(url).hostname
        if url.startswith("data:") or host == "127.0.0.1":
            local.append(url)
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1280, "height": 800})
    yield page
    assert local, "no request went through the interception"
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"console errors: {errors}"


def shot(page: Any, name: str) -> None:
    if os.environ.get("ALIANZA_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def open_network(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('#cy[data-ready="1"]', timeout=20_000)


def click_edge(page: Any, edge_id: str) -> None:
    box = page.locator("#cy").bounding_box()
    mid = page.evaluate(f"(() => {{ const e = window.alianzaNetwork.getElementById({edge_id!r}); return e.renderedMidpoint(); }})()")
    page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])


def test_network_renders_nodes_and_edges_with_rus_prk_cooperative(guarded: Any, server: str) -> None:
    open_network(guarded, server + "/")
    counts = guarded.evaluate("[window.alianzaNetwork.nodes().length, window.alianzaNetwork.edges().length]")
    assert counts[0] > 5 and counts[1] > 5
    edge = guarded.evaluate("window.alianzaNetwork.getElementById('PRK|RUS').data()")
    assert edge["net"] > 0
    r, g, b = (int(edge["colour"][i : i + 2], 16) for i in (1, 3, 5))
    assert b > r  # the cooperative end of the diverging scale
    assert "actors" in guarded.inner_text("#net-status")
    guarded.wait_for_selector('#cy[data-blocs="1"]')
    colours = guarded.evaluate("[window.alianzaNetwork.getElementById('RUS').data('colour'), window.alianzaNetwork.getElementById('PRK').data('colour')]")
    assert colours[0] == colours[1] != "#9e9e9e"  # one bloc, coloured once the blocs arrive
    shot(guarded, "network")


def test_clicking_an_edge_opens_the_dyad_and_a_cluster_its_evidence(guarded: Any, server: str) -> None:
    open_network(guarded, server + "/")
    guarded.evaluate("window.alianzaNetwork.fit(window.alianzaNetwork.getElementById('PRK|RUS').connectedNodes(), 120)")
    click_edge(guarded, "PRK|RUS")
    guarded.wait_for_url("**/dyad?*")
    assert "a=PRK" in guarded.url and "b=RUS" in guarded.url
    assert guarded.locator("figure.chart svg rect.bar").count() > 0
    assert "cooperative" in guarded.inner_text("p.summary")
    shot(guarded, "dyad")
    guarded.locator("tr.cluster a.evidence-link", has_text="tratado").first.click()
    guarded.wait_for_url("**/cluster/*")
    trigger = guarded.locator("article.ev blockquote mark.trigger").first
    assert trigger.inner_text() == "firmaron"
    quote = guarded.locator("article.ev blockquote").first.inner_text()
    assert "Putin" in quote and "Kim Jong-un" in quote
    assert guarded.locator("article.ev blockquote mark.source").count() >= 1
    shot(guarded, "evidence")
    guarded.locator("a.article-link").first.click()
    guarded.wait_for_url("**/article/*")
    assert "firmaron" in guarded.locator("mark.sentence").inner_text()


def test_period_slider_changes_the_edges(guarded: Any, server: str) -> None:
    open_network(guarded, server + "/")
    before = guarded.get_attribute("#cy", "data-edge-ids")
    guarded.locator("#period-slider").fill("0")  # the store's first month: June 2024
    guarded.wait_for_function("document.querySelector('#cy').dataset.ready === '1' && "
                              f"document.querySelector('#cy').dataset.edgeIds !== {before!r}", timeout=20_000)
    after = guarded.get_attribute("#cy", "data-edge-ids")
    assert after and set(after.split()) < set(before.split())
    assert "PRK|RUS" in after.split()
    assert guarded.input_value("input[name=to]").startswith("2024-06")
    assert "to=2024-06" in guarded.url


def test_filters_and_search_update_the_map(guarded: Any, server: str) -> None:
    open_network(guarded, server + "/")
    total = int(guarded.get_attribute("#cy", "data-edges"))
    guarded.check("input[name=quad][value=material-conflict]")
    guarded.wait_for_function(f"document.querySelector('#cy').dataset.ready === '1' && Number(document.querySelector('#cy').dataset.edges) < {total}")
    nets = guarded.evaluate("window.alianzaNetwork.edges().map(e => e.data('net'))")
    assert nets and all(n < 0 for n in nets)
    guarded.fill("header input[name=q]", "Kremlin")
    guarded.wait_for_selector("#search-hits a.hit[data-code=RUS]")
    assert guarded.evaluate("window.alianzaNetwork.getElementById('RUS').hasClass('found')")
    guarded.uncheck("input[name=quad][value=material-conflict]")
    guarded.select_option("select[name=level]", "sector")  # the search follows the map's level
    guarded.wait_for_function("document.querySelector('#cy').dataset.ready === '1' && window.alianzaNetwork.getElementById('RUS GOV').length === 1")
    guarded.fill("header input[name=q]", "Putin")
    guarded.wait_for_selector("#search-hits a.hit[data-code='RUS GOV']")


def test_events_table_filters_with_htmx(guarded: Any, server: str) -> None:
    guarded.goto(server + "/events")
    rows = guarded.locator("#events-table table tr").count()
    guarded.select_option("select[name=type]", "ASSAULT")
    guarded.wait_for_url("**type=ASSAULT**")
    guarded.wait_for_function(f"document.querySelectorAll('#events-table table tr').length < {rows}")
    types = guarded.locator("#events-table table tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    assert "format=csv" in guarded.get_attribute("a.dl >> nth=0", "href")


def test_the_server_drawn_map_shows_before_any_script_and_cytoscape_takes_it_over(browser: Any, server: str, guarded: Any) -> None:
    """The home page's HTML carries the map (an SVG of every actor and edge): with JavaScript off the
    browser still shows it; with it on, cytoscape replaces it at the same place and scale."""
    quiet = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        bare = quiet.new_page()
        bare.goto(server + "/")
        svg = bare.locator("#map-svg")
        assert svg.is_visible()
        nodes = bare.locator("#map-svg circle").count()
        assert nodes > 5 and bare.locator("#map-svg line").count() > 5
        assert "RUS" in bare.locator("#map-svg text").all_text_contents()
        rus = bare.locator("#map-svg g[data-id=RUS] circle").bounding_box()
        on_svg = (rus["x"] + rus["width"] / 2, rus["y"] + rus["height"] / 2)
    finally:
        quiet.close()
    open_network(guarded, server + "/")
    assert guarded.locator("#map-svg").count() == 0  # handed over
    assert guarded.evaluate("window.alianzaNetwork.nodes().length") == nodes
    box = guarded.locator("#cy").bounding_box()
    pos = guarded.evaluate("window.alianzaNetwork.getElementById('RUS').renderedPosition()")
    assert abs(box["x"] + pos["x"] - on_svg[0]) < 1.5 and abs(box["y"] + pos["y"] - on_svg[1]) < 1.5
    assert int(guarded.get_attribute("#cy", "data-map-frame-ms") or 0) > 0  # the page's clock of the first map
