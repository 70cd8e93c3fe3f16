// The filter form's reading, shared with network.js, run as soon as the form is parsed. When the
// server streams the first map into the page (the form's data-map="server": an SVG and its data,
// routes.network_page), nothing is fetched; otherwise the first /api/network request starts here,
// a plain script right after the form, so it is on its way while cytoscape (the biggest asset)
// still downloads and parses. network.js takes the answer when its first query is the same.
(function () {
  "use strict";
  const FIELDS = ["from", "to", "type", "level", "min_clusters", "max_edges"];

  // The filters as /api/network's query string.
  function query(form) {
    const p = new URLSearchParams();
    const f = new FormData(form);
    for (const k of FIELDS) {
      const v = (f.get(k) || "").toString().trim();
      if (v) p.set(k, v);
    }
    const quads = f.getAll("quad");
    if (quads.length) p.set("quad", quads.join(","));
    return p;
  }

  // The filters of the page's URL (a bookmark, a shared view) into the form.
  function fromUrl(form) {
    const p = new URLSearchParams(location.search);
    for (const k of FIELDS) {
      if (p.get(k) && form.elements[k]) form.elements[k].value = p.get(k);
    }
    const quads = (p.get("quad") || "").split(",");
    for (const box of form.querySelectorAll("input[name=quad]")) box.checked = quads.includes(box.value);
  }

  const form = document.getElementById("filters");
  fromUrl(form);
  if (form.dataset.map === "server") {
    window.alianzaNetwork = { query, fromUrl, first: null };
    return;
  }
  const url = "/api/network?blocs=false&" + query(form).toString();
  const started = performance.now();
  const answer = fetch(url).then((res) => res.json().then((data) => ({ res, data })));
  answer.catch(() => {}); // network.js reports a failure when it takes the answer
  window.alianzaNetwork = { query, fromUrl, first: { url, started, answer } };
})();
