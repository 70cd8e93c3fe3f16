// The network page: reads the filter form, asks /api/network (positions come from the server) and
// draws the answer with cytoscape's preset layout. Clicking an edge opens its dyad page, a node its
// actor page. The URL keeps the filters, so a view can be bookmarked or shared.
(function () {
  "use strict";
  const form = document.getElementById("filters");
  const status = document.getElementById("net-status");
  const box = document.getElementById("cy");
  const slider = document.getElementById("period-slider");
  const sliderLabel = document.getElementById("period-label");
  const firstDay = form.dataset.firstDay ? new Date(form.dataset.firstDay + "T00:00:00Z") : null;
  const lastDay = form.dataset.lastDay ? new Date(form.dataset.lastDay + "T00:00:00Z") : null;
  const DAY = 86400000;
  let cy = null;
  let timer = null;
  let seq = 0;

  const iso = (d) => d.toISOString().slice(0, 10);
  const parse = (s) => (s ? new Date(s + "T00:00:00Z") : null);

  const shared = window.alianzaNetwork; // network-first.js: the form's reading, the first request
  let embedded = document.getElementById("map-data"); // the first network, in the page when the server drew it
  const query = () => shared.query(form);
  const fromUrl = () => shared.fromUrl(form);

  // The slider: one step a month, from the store's first month to its last; moving it slides the
  // window (its length kept: the chosen period, else 90 days) so that it ends in that month.
  function months() {
    if (!firstDay || !lastDay) return 0;
    return (lastDay.getUTCFullYear() - firstDay.getUTCFullYear()) * 12 + lastDay.getUTCMonth() - firstDay.getUTCMonth();
  }
  function setupSlider() {
    slider.max = String(months());
    const to = parse(form.elements.to.value);
    if (to && firstDay) {
      slider.value = String((to.getUTCFullYear() - firstDay.getUTCFullYear()) * 12 + to.getUTCMonth() - firstDay.getUTCMonth());
    } else {
      slider.value = slider.max;
    }
    showPeriod();
  }
  function showPeriod() {
    const f = form.elements.from.value, t = form.elements.to.value;
    sliderLabel.textContent = f || t ? (f || "start") + " → " + (t || "end") : "all dates";
  }
  function slide() {
    if (!firstDay) return;
    const from = parse(form.elements.from.value), to = parse(form.elements.to.value);
    const length = from && to ? Math.round((to - from) / DAY) : 89;
    const i = Number(slider.value);
    const y = firstDay.getUTCFullYear() + Math.floor((firstDay.getUTCMonth() + i) / 12);
    const m = (firstDay.getUTCMonth() + i) % 12;
    let end = new Date(Date.UTC(y, m + 1, 0));
    if (lastDay && end > lastDay) end = lastDay;
    form.elements.to.value = iso(end);
    form.elements.from.value = iso(new Date(end - length * DAY));
    showPeriod();
    refresh(120);
  }
  function preset(days) {
    if (days === "all" || !lastDay) {
      form.elements.from.value = "";
      form.elements.to.value = "";
    } else {
      form.elements.to.value = iso(lastDay);
      form.elements.from.value = iso(new Date(lastDay - (Number(days) - 1) * DAY));
    }
    setupSlider();
    refresh(0);
  }

  function elements(data) {
    const els = [];
    for (const n of data.nodes) {
      els.push({ group: "nodes", data: { id: n.id, label: n.id, size: n.size, colour: n.colour, clusters: n.clusters, bloc: n.bloc }, position: { x: n.x, y: n.y } });
    }
    for (const e of data.edges) {
      els.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target, colour: e.colour, width: e.width, clusters: e.clusters, net: e.net } });
    }
    return els;
  }

  // The first frame draws every actor and only the busiest edges (the server sends them busiest
  // first); the rest are added right after it: cytoscape's cost is mostly per element (style,
  // bounding box, texture), and edges are most of the elements.
  const FIRST_EDGES = 500;

  function draw(data, els) {
    const style = [
      { selector: "node", style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)", label: "data(label)", "font-size": 11, "text-valign": "center", color: "#111", "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 6 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "haystack", opacity: 0.85 } },
      { selector: "edge:selected, edge.hover", style: { opacity: 1, "line-color": "#000", "z-index": 9 } },
      { selector: "node.found", style: { "border-width": 4, "border-color": "#000" } },
    ];
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box, elements: els, style: style, layout: { name: "preset", fit: !data.box, padding: 30 }, ...viewport(data.box),
      wheelSensitivity: 0.3, hideEdgesOnViewport: data.edges.length > 3000, textureOnViewport: data.edges.length > 3000, pixelRatio: 1,
    });
    window.alianzaNetwork = cy; // for the browser tests and the console
    cy.on("tap", "edge", (ev) => {
      const d = ev.target.data();
      const p = query();
      const out = new URLSearchParams({ a: d.source, b: d.target });
      for (const k of ["from", "to", "level"]) if (p.get(k)) out.set(k, p.get(k));
      location.href = "/dyad?" + out.toString();
    });
    cy.on("tap", "node", (ev) => {
      const p = query();
      const out = new URLSearchParams({ code: ev.target.id() });
      for (const k of ["from", "to", "level"]) if (p.get(k)) out.set(k, p.get(k));
      location.href = "/actor?" + out.toString();
    });
    cy.on("mouseover", "edge", (ev) => {
      const d = ev.target.data();
      ev.target.addClass("hover");
      status.dataset.hover = d.source + "–" + d.target + ": " + d.clusters + " clusters, net " + d.net;
      status.textContent = status.dataset.hover;
    });
    cy.on("mouseout", "edge", (ev) => { ev.target.removeClass("hover"); status.textContent = status.dataset.summary || ""; });
  }

  // The server's frame of the map (layout.svg_box: every node, padded, in model units), centred in
  // the box as the SVG's viewBox is (preserveAspectRatio meet): the canvas takes over the server's
  // first map at the same place and scale.
  function viewport(frame) {
    if (!frame) return {};
    const [x, y, w, h] = frame;
    const W = box.clientWidth, H = box.clientHeight;
    const zoom = Math.min(W / w, H / h);
    return { zoom, pan: { x: (W - w * zoom) / 2 - x * zoom, y: (H - h * zoom) / 2 - y * zoom } };
  }

  // The task after the next frame: what is in the document by then is on screen.
  function nextFrame() {
    return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  }

  // Cytoscape draws on the next animation frame, after cytoscape() returns: the map is drawn when
  // its first "render" has fired (or after a second, should the page be hidden and frames stop).
  function painted(graph) {
    return new Promise((done) => {
      const timeout = setTimeout(() => done("timeout"), 1000);
      graph.one("render", () => { clearTimeout(timeout); done("frame"); });
    });
  }

  async function load() {
    const p = query();
    const mine = ++seq;
    history.replaceState(null, "", p.toString() ? "/?" + p.toString() : "/");
    status.textContent = "loading…";
    box.dataset.ready = "0";
    box.dataset.blocs = "0";
    const url = "/api/network?blocs=false&" + p.toString();
    const early = shared.first;
    shared.first = null; // used once: later loads ask again
    const served = embedded; // the server's first map and its data (templates/_map.html), once
    embedded = null;
    const t0 = early && early.url === url ? early.started : performance.now();
    const { res, data } = served
      ? { res: { ok: true }, data: JSON.parse(served.textContent) }
      : await (early && early.url === url ? early.answer : fetch(url).then((r) => r.json().then((d) => ({ res: r, data: d }))));
    if (mine !== seq) return; // a newer request is on its way
    const t1 = performance.now();
    if (!res.ok) {
      status.textContent = data.error || "error " + res.status;
      box.dataset.ready = "error";
      return;
    }
    const svg = document.getElementById("map-svg");
    if (svg && served) await nextFrame(); // the server's map on screen before cytoscape holds the thread
    const els = elements(data);
    // Over the server's map, the canvas draws every edge at once and replaces the SVG when drawn.
    const cut1 = svg ? els.length : data.nodes.length + FIRST_EDGES;
    draw(data, els.slice(0, cut1));
    box.dataset.painted = await painted(cy);
    if (svg) svg.remove();
    if (mine !== seq) return;
    box.dataset.firstPaintMs = String(Math.round(performance.now())); // cytoscape's first frame (actors and the busiest edges), since navigation
    if (els.length > cut1) {
      cy.add(els.slice(cut1));
      await painted(cy);
      if (mine !== seq) return;
    }
    const cut = data.total_edges > data.shown_edges ? " (the busiest " + data.shown_edges + " of " + data.total_edges + "; raise min clusters or max edges)" : "";
    status.dataset.summary = data.nodes.length + " actors, " + data.shown_edges + " edges" + cut;
    status.textContent = status.dataset.summary;
    box.dataset.edges = String(data.shown_edges);
    box.dataset.edgeIds = data.edges.map((e) => e.id).join(" ");
    box.dataset.fetchMs = String(Math.round(t1 - t0));
    box.dataset.drawMs = String(Math.round(performance.now() - t1)); // to the frame with every edge on the canvas
    box.dataset.sinceNavigationMs = String(Math.round(performance.now())); // the whole map, from the click that loaded the page
    box.dataset.ready = "1";
    colourBlocs(p, mine).catch((err) => { status.textContent = status.dataset.summary + " (no bloc colours: " + err + ")"; });
  }

  // Bloc colours come second: Louvain over the period is the slowest step, and the map is
  // readable without it.
  async function colourBlocs(p, mine) {
    const q = new URLSearchParams();
    for (const k of ["from", "to", "level"]) if (p.get(k)) q.set(k, p.get(k));
    const res = await fetch("/api/blocs?" + q.toString());
    const data = await res.json();
    if (mine !== seq || !res.ok || !cy) return;
    cy.batch(() => {
      for (const n of cy.nodes()) {
        const b = data.blocs[n.id()];
        n.data("colour", b ? b.colour : "#9e9e9e");
        n.data("bloc", b ? b.bloc : null);
      }
    });
    box.dataset.blocs = "1";
  }

  function refresh(delay) {
    clearTimeout(timer);
    timer = setTimeout(() => load().catch((err) => { status.textContent = "could not load the network: " + err; box.dataset.ready = "error"; }), delay);
  }

  // search hits (swapped in by htmx): mark the actors found and centre on the first
  document.body.addEventListener("htmx:afterSwap", (ev) => {
    if (!cy || ev.detail.target.id !== "search-hits") return;
    cy.nodes().removeClass("found");
    const codes = [...ev.detail.target.querySelectorAll("a.hit")].map((a) => a.dataset.code);
    const hit = codes.map((c) => cy.getElementById(c)).filter((n) => n.length);
    for (const n of hit) n.addClass("found");
    if (hit.length) cy.animate({ center: { eles: hit[0] }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
  });

  form.addEventListener("change", (ev) => {
    if (ev.target === slider) return;
    if (ev.target.name === "from" || ev.target.name === "to") setupSlider();
    refresh(0);
  });
  slider.addEventListener("input", slide);
  for (const b of form.querySelectorAll("button[data-preset]")) b.addEventListener("click", () => preset(b.dataset.preset));
  fromUrl();
  setupSlider();
  load().catch((err) => { status.textContent = "could not load the network: " + err; box.dataset.ready = "error"; });
})();
