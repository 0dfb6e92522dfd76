// policing-kg graph browser. Every string from the data is written with
// textContent (never innerHTML): article text is untrusted.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.type] = t; });
  function tinfo(g) { return typeInfo[g] || { name: g, color: "#6b6b6b", symbol: "●" }; }
  function swatch(g) {
    var s = el("span", "sym", tinfo(g).symbol);
    s.style.color = tinfo(g).color;
    return s;
  }

  // adjacency for the panel's "links" and for highlighting
  var adj = {};
  data.nodes.forEach(function (n) { adj[n.id] = []; });
  data.edges.forEach(function (e) {
    if (adj[e.from]) adj[e.from].push({ edge: e.id, other: e.to, rel: e.relation, out: true });
    if (adj[e.to]) adj[e.to].push({ edge: e.id, other: e.from, rel: e.relation, out: false });
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenTypes = new Set(), hiddenRels = new Set();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenTypes.has(n.group); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !hiddenRels.has(e.relation); } });
  var network = new vis.Network($("graph"), { nodes: nodeView, edges: edgeView }, data.options);

  var firstDraw = null;
  network.once("afterDrawing", function () { firstDraw = performance.now(); });

  // ---- header and legend ---------------------------------------------------------
  $("title").textContent = data.meta.title || "";
  $("summary").textContent = data.meta.nodes + " nodes · " + data.meta.edges + " links · " +
    data.meta.articles + " articles";
  document.title = (data.meta.title || "graph") + " · policing-kg";

  function checkbox(checked, onChange) {
    var c = el("input");
    c.type = "checkbox";
    c.checked = checked;
    c.addEventListener("change", function () { onChange(c.checked); });
    return c;
  }
  var typeBoxes = {};
  data.types.forEach(function (t) {
    var li = el("li"), lab = el("label");
    var box = checkbox(true, function (on) {
      if (on) hiddenTypes.delete(t.type); else hiddenTypes.add(t.type);
      nodeView.refresh();
    });
    typeBoxes[t.type] = box;
    lab.append(box, swatch(t.type), el("span", "tname", t.name), el("span", "count", t.count));
    li.append(lab);
    $("types").append(li);
  });
  data.relations.forEach(function (r) {
    var li = el("li", "rel"), lab = el("label");
    lab.append(checkbox(true, function (on) {
      if (on) hiddenRels.delete(r.relation); else hiddenRels.add(r.relation);
      edgeView.refresh();
    }), el("span", "rname", r.relation), el("span", "count", r.count));
    li.append(lab);
    $("relations").append(li);
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: false }); rescaleLabels(); });

  // ---- highlight a node's neighbourhood ------------------------------------------
  function hexToRgb(h) {
    var n = parseInt(h.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  function faded(h) {
    var c = hexToRgb(h).map(function (v) { return Math.round(v + (255 - v) * 0.82); });
    return "rgb(" + c.join(",") + ")";
  }
  var normalColor = {}, dimColor = {};
  Object.keys(data.options.groups).forEach(function (g) {
    var col = data.options.groups[g].color.background;
    normalColor[g] = { background: col, border: col };
    dimColor[g] = { background: faded(col), border: faded(col) };
  });
  var dimmed = false;
  // stations and hubs keep a readable label at any zoom: their size follows the scale
  var pinned = data.nodes.filter(function (n) { return n.pin; });
  var scale = 1;
  function fontSize(n) {
    var base = (n.font && n.font.size) || 14;
    return n.pin ? Math.max(base, n.pin / scale) : base;
  }
  // dimmed labels vanish, except stations: they stay, in grey, for orientation
  function dimFont(n) { return n.group === "PoliceStation" ? "#aab1bb" : "rgba(0,0,0,0)"; }
  function fontColor(n) { return dimmed && !lit.has(n.id) ? dimFont(n) : "#1d1d1f"; }
  var lit = new Set();
  function rescaleLabels() {
    var s = network.getScale();
    if (Math.abs(s - scale) / scale < 0.05) return;
    scale = s;
    nodes.update(pinned.map(function (n) { return { id: n.id, font: { size: fontSize(n), color: fontColor(n) } }; }));
  }
  function highlight(keepNodes, keepEdges, edgeLabels) {
    var nu = [], eu = [];
    lit = keepNodes;
    data.nodes.forEach(function (n) {
      var on = keepNodes.has(n.id);
      nu.push({ id: n.id, color: on ? normalColor[n.group] : dimColor[n.group],
                font: { color: on ? "#1d1d1f" : dimFont(n), size: fontSize(n) } });
    });
    data.edges.forEach(function (e) {
      var on = keepEdges.has(e.id);
      eu.push({ id: e.id, color: { color: on ? "#333333" : "#e6e8eb", opacity: on ? 1 : 0.6 },
                width: on ? 1.6 : 0.6, label: on && edgeLabels ? e.relation : "" });
    });
    nodes.update(nu);
    edges.update(eu);
    dimmed = true;
  }
  function clearHighlight() {
    if (!dimmed) return;
    nodes.update(data.nodes.map(function (n) {
      return { id: n.id, color: normalColor[n.group], font: { color: "#1d1d1f", size: fontSize(n) } };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, color: { color: "#aab1bb", opacity: 0.75 }, width: 0.8, label: "" };
    }));
    dimmed = false;
  }

  // ---- the evidence panel --------------------------------------------------------
  var body = $("panel-body");
  function openPanel() {
    $("panel-empty").hidden = true;
    body.hidden = false;
    body.replaceChildren();
    $("panel").scrollTop = 0;
  }
  function evidenceFigure(ev) {
    var fig = el("figure", "ev");
    fig.append(el("blockquote", "quote", ev.text));
    var cap = el("figcaption"), art = (ev.article && data.articles[ev.article]) || {};
    cap.append(el("span", "atitle", art.title ? "《" + art.title + "》" : (art.file || "source article")));
    if (art.date) cap.append(el("span", "adate", art.date));
    if (art.publisher) cap.append(el("span", "apub", art.publisher));
    if (art.file && art.title) cap.append(el("span", "afile", art.file));
    if (ev.start !== null && ev.start !== undefined) cap.append(el("span", "aspan", "chars " + ev.start + "–" + ev.end));
    fig.append(cap);
    return fig;
  }
  function evidenceSection(list) {
    var sec = el("section", "evidence");
    sec.append(el("h3", null, "Evidence (" + list.length + ")"));
    if (!list.length) sec.append(el("p", "none", "No sentence is recorded for this item."));
    list.forEach(function (ev) { sec.append(evidenceFigure(ev)); });
    return sec;
  }
  function kindLine(group) {
    var k = el("div", "kind");
    k.append(swatch(group), el("span", null, tinfo(group).name));
    return k;
  }
  function nodeButton(id) {
    var b = el("button", null, (data.info[id] || {}).label || id);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, true); });
    return b;
  }
  function showNode(id) {
    var info = data.info[id] || { label: id, aliases: [], attrs: [], evidence: [] };
    var n = nodes.get(id);
    openPanel();
    body.append(kindLine(n.group), el("h2", "ptitle", info.label));
    if (info.aliases.length) body.append(el("p", "aliases", "also: " + info.aliases.join(" · ")));
    if (info.attrs.length) {
      var dl = el("dl", "attrs");
      info.attrs.forEach(function (kv) { dl.append(el("dt", null, kv[0]), el("dd", null, kv[1])); });
      body.append(dl);
    }
    body.append(evidenceSection(info.evidence));
    var links = el("section", "links"), byRel = {};
    (adj[id] || []).forEach(function (a) {
      var key = (a.out ? "" : "← ") + a.rel + (a.out ? " →" : "");
      (byRel[key] = byRel[key] || []).push(a.other);
    });
    links.append(el("h3", null, "Links (" + (adj[id] || []).length + ")"));
    Object.keys(byRel).sort().forEach(function (k) {
      links.append(el("div", "rel", k));
      var others = byRel[k], box = el("div");
      others.slice(0, 40).forEach(function (o) { box.append(nodeButton(o)); });
      if (others.length > 40) box.append(el("span", "none", " +" + (others.length - 40) + " more"));
      links.append(box);
    });
    body.append(links);
  }
  function showEdge(eid) {
    var e = edges.get(eid);
    openPanel();
    body.append(el("div", "kind", "Link · " + e.relation));
    var h = el("h2", "ptitle");
    h.append(nodeButton(e.from), el("span", null, " —" + e.relation + "→ "), nodeButton(e.to));
    body.append(h);
    var list = (e.ev || []).map(function (r) { return ((data.info[r[0]] || {}).evidence || [])[r[1]]; })
      .filter(function (x) { return x; });
    body.append(evidenceSection(list));
  }
  function selectNode(id, focus) {
    var n = nodes.get(id);
    if (!n) return;
    if (hiddenTypes.has(n.group)) {
      hiddenTypes.delete(n.group);
      typeBoxes[n.group].checked = true;
      nodeView.refresh();
    }
    var keepN = new Set([id]), keepE = new Set();
    (adj[id] || []).forEach(function (a) { keepN.add(a.other); keepE.add(a.edge); });
    highlight(keepN, keepE, false);
    network.selectNodes([id]);
    if (focus) {  // centre the node; zoom so most of its neighbours are in view
      var pos = network.getPositions(Array.from(keepN)), c = pos[id];
      var d = Object.keys(pos).map(function (k) { return Math.hypot(pos[k].x - c.x, pos[k].y - c.y); })
        .sort(function (a, b) { return a - b; });
      var r = Math.max(d[Math.floor((d.length - 1) * 0.8)] || 0, 60);
      var box = $("graph").getBoundingClientRect();
      var sc = Math.min(1.5, Math.max(0.2, Math.min(box.width, box.height) / (2.3 * r)));
      network.moveTo({ position: c, scale: sc, animation: false });
      rescaleLabels();
    }
    showNode(id);
  }
  function selectEdge(eid) {
    var e = edges.get(eid);
    highlight(new Set([e.from, e.to]), new Set([eid]), true);
    network.selectEdges([eid]);
    showEdge(eid);
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else {
      clearHighlight();
      $("panel-empty").hidden = false;
      body.hidden = true;
    }
  });

  // ---- hover tip (text only) -----------------------------------------------------
  var tip = $("tip");
  network.on("hoverNode", function (p) {
    var info = data.info[p.node] || {};
    tip.textContent = (info.label || p.node) + " — " + tinfo((nodes.get(p.node) || {}).group).name;
    var r = $("graph").getBoundingClientRect();
    tip.style.left = (r.left + p.pointer.DOM.x + 14) + "px";
    tip.style.top = (r.top + p.pointer.DOM.y + 14) + "px";
    tip.hidden = false;
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });

  // ---- search over labels and aliases, simplified or traditional ------------------
  var t2s = data.t2s || {};
  function norm(s) {
    var out = "";
    Array.from(String(s).normalize("NFKC").toLowerCase()).forEach(function (c) { out += t2s[c] || c; });
    return out.replace(/\s+/g, "");
  }
  var index = data.nodes.map(function (n) {
    var info = data.info[n.id] || {};
    return { id: n.id, key: info.key || norm(n.label), label: info.label || n.label, group: n.group, value: n.value || 0 };
  });
  var results = $("results"), search = $("search"), current = [];
  function find(q) {
    q = norm(q);
    if (!q) return [];
    var hits = [];
    index.forEach(function (it) {
      var i = it.key.indexOf(q);
      if (i < 0) return;
      var exact = it.key.split("\u0001").indexOf(q) >= 0;
      hits.push({ it: it, rank: exact ? 0 : (i === 0 ? 1 : 2) });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.it.value - a.it.value || a.it.label.length - b.it.label.length;
    });
    return hits.slice(0, 25).map(function (h) { return h.it; });
  }
  function choose(id) {
    results.hidden = true;
    selectNode(id, true);
  }
  function renderResults() {
    current = find(search.value);
    results.replaceChildren();
    if (!search.value.trim()) { results.hidden = true; return; }
    if (!current.length) results.append(el("li", "none", "no match"));
    current.forEach(function (it, i) {
      var li = el("li", i === 0 ? "active" : "");
      li.dataset.id = it.id;
      li.append(swatch(it.group), el("span", "rlabel", it.label), el("span", "rtype", tinfo(it.group).name));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(it.id); });
      results.append(li);
    });
    results.hidden = false;
  }
  search.addEventListener("input", renderResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && current.length) { ev.preventDefault(); choose(current[0].id); }
    if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });
  search.addEventListener("focus", function () { if (search.value.trim()) renderResults(); });

  network.fit({ animation: false });
  rescaleLabels();
  network.on("zoom", rescaleLabels);
  // for tests, notebooks and the benchmark
  window.kgBrowser = {
    network: network, nodes: nodes, edges: edges, find: find, selectNode: selectNode,
    firstDraw: function () { return firstDraw; },
    domPosition: function (id) { return network.canvasToDOM(network.getPositions([id])[id]); }
  };
})();
