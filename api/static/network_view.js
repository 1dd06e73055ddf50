/* The network view of a network page: the network's real subgraph (members and their officer,
   establishment, registration and ownership relationships) from /api/networks/<id>/graph, drawn
   by cytoscape.js with the fCoSE force layout. Filters by relationship kind and period, expand
   and collapse (neighbours from /api/neighbourhood), hide, pin, a path between two nodes
   (in the drawing, else from /api/paths), PNG and SVG export. Every tool is a form control and
   the list under the drawing says the same as text, so it all works from the keyboard. Labels
   are set as text (cytoscape draws on a canvas; the list uses textContent), so no data becomes
   markup. */
(function () {
  "use strict";
  var section = document.getElementById("nv");
  var dataNode = document.getElementById("nv-data");
  if (!section || !dataNode) { return; }
  var data = JSON.parse(dataNode.textContent);
  var T = data.texts, KINDS = data.kinds, RELS = data.rels;
  var $ = function (id) { return document.getElementById(id); };
  var holder = $("nv-graph"), status = $("nv-status"), choice = $("nv-node");
  var pathFrom = $("nv-path-from"), pathTo = $("nv-path-to"), open = $("nv-open");
  var fromRange = $("nv-from"), toRange = $("nv-to"), edgeList = $("nv-edges");
  var DRAWN = ["OFFICER_OF", "ESTABLISHED_AT", "REGISTERED_AT", "OWNS"];
  var COLOURS = { Address: "#00457c", Person: "#b35900", Company: "#1f7a3a", Network: "#6b2fa3",
                  Signal: "#a8201a", Case: "#5a5a5a", Permit: "#2b6c8f" };
  var SHAPES = { Person: "ellipse", Company: "round-rectangle", Address: "diamond" };
  var LINES = { OFFICER_OF: "#b35900", ESTABLISHED_AT: "#1f7a3a", REGISTERED_AT: "#00457c",
                OWNS: "#6b2fa3", OTHER: "#8a8a8a" };
  var PAGES = { adres: "/adres/", bsn: "/persoon/bsn:", person: "/persoon/person:",
                pseudo: "/persoon/pseudo:", kvk: "/bedrijf/", netwerk: "/netwerk/" };
  var PAGE = 25;
  var added = {};  // expanded node id -> the elements its expansion added
  var tapped = [];  // the last two tapped nodes fill the path form

  section.hidden = false;
  // This view replaces the entity page's generic star drawing of the network node.
  var generic = $("netwerk");
  if (generic && generic.closest("section")) { generic.closest("section").hidden = true; }

  function say(text, values) {
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    status.textContent = text;
  }

  function pageOf(id) {
    var cut = id.indexOf(":"), prefix = id.slice(0, cut);
    return cut > 0 && PAGES[prefix] ? PAGES[prefix] + encodeURIComponent(id.slice(cut + 1)).replace(/%3A/g, ":") : null;
  }

  function group(type) { return DRAWN.indexOf(type) >= 0 ? type : "OTHER"; }
  function year(value) { var y = parseInt(String(value || "").slice(0, 4), 10); return isNaN(y) ? null : y; }
  function dateText(value) {
    if (!value) { return ""; }
    var d = new Date(String(value).slice(0, 10) + "T00:00:00");
    return isNaN(d) ? String(value) : d.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }

  function nodeElement(n, extra) {
    var member = n.member || {};
    var score = n.properties && typeof n.properties.score === "number" ? n.properties.score : 0;
    var classes = [n.kind, member.keyFigure ? "key" : "", extra ? "extra" : "member"];
    return { group: "nodes", classes: classes.join(" "),
             data: { id: n.id, label: n.label || n.id, kind: n.kind, score: Math.max(0, Math.min(score, 1)),
                     keyFigure: !!member.keyFigure, member: !extra, url: pageOf(n.id) } };
  }

  function edgeElement(r) {
    var p = r.properties || {};
    return { group: "edges", classes: p.end ? "ended" : "",
             data: { id: r.id, source: r.start, target: r.end, type: r.type, kind: group(r.type),
                     label: RELS[r.type] || r.type, role: p.role || p.kind || p.share || "",
                     start: p.start || null, end: p.end || null,
                     from: year(p.start), to: year(p.end) } };
  }

  if (typeof window.cytoscape !== "function") { say(T.novendor); return; }
  var cy = window.cytoscape({
    container: holder, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 2.5,
    style: [
      { selector: "node", style: {
          "label": "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
          "color": "#1b1b1b", "text-wrap": "ellipsis", "text-max-width": 130,
          "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
          "width": "mapData(score, 0, 1, 20, 44)", "height": "mapData(score, 0, 1, 20, 44)",
          "shape": function (n) { return SHAPES[n.data("kind")] || "ellipse"; },
          "background-color": function (n) { return COLOURS[n.data("kind")] || "#8a8a8a"; },
          "border-width": 1, "border-color": "#ffffff" } },
      { selector: "node.key", style: { "border-width": 5, "border-color": "#1b1b1b",
          "font-weight": "bold", "font-size": 12, "z-index": 10 } },
      { selector: "node.extra", style: { "background-opacity": 0.6 } },
      { selector: "node.pinned", style: { "border-style": "dashed", "border-width": 4, "border-color": "#d4351c" } },
      { selector: "node:selected", style: { "overlay-color": "#ffbf47", "overlay-opacity": 0.45, "overlay-padding": 6 } },
      { selector: "edge", style: {
          "width": 1.8, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8,
          "line-color": function (e) { return LINES[e.data("kind")]; },
          "target-arrow-color": function (e) { return LINES[e.data("kind")]; },
          "label": "data(label)", "font-size": 8, "color": "#333333", "text-rotation": "autorotate",
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1 } },
      { selector: "edge.ended", style: { "line-style": "dashed" } },
      { selector: ".faded", style: { "opacity": 0.2 } },
      { selector: "edge.path", style: { "width": 5, "line-color": "#d4351c", "target-arrow-color": "#d4351c", "z-index": 20, "line-style": "solid" } },
      { selector: "node.path", style: { "border-width": 5, "border-color": "#d4351c", "z-index": 20 } },
      { selector: ".filtered, .user-hidden", style: { "display": "none" } }
    ],
    layout: { name: "preset" }
  });
  window.speurnetNetworkView = cy;  // for the browser tests and the curious

  function layout() {
    var fixed = cy.nodes(".pinned").map(function (n) { return { nodeId: n.id(), position: n.position() }; });
    var options = { name: "fcose", animate: false, randomize: fixed.length === 0, quality: "proof",
                    nodeRepulsion: 9000, idealEdgeLength: 90, nodeSeparation: 90, padding: 30,
                    packComponents: true, fit: true };
    if (fixed.length) { options.fixedNodeConstraint = fixed; }
    if (typeof window.cytoscapeFcose !== "function") { options = { name: "cose", animate: false, fit: true }; }
    shownNodes().union(shownEdges()).layout(options).run();
  }

  function addAnswer(graph, extra) {
    var fresh = cy.collection();
    graph.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).empty()) { fresh = fresh.union(cy.add(nodeElement(n, extra))); }
    });
    graph.relationships.forEach(function (r) {
      if (cy.getElementById(r.id).empty() && cy.getElementById(r.start).nonempty() && cy.getElementById(r.end).nonempty()) {
        fresh = fresh.union(cy.add(edgeElement(r)));
      }
    });
    return fresh;
  }

  function label(node) { return node.data("label"); }

  function refreshChoices() {
    var keep = [choice.value, pathFrom.value, pathTo.value];
    [choice, pathFrom, pathTo].forEach(function (select) { select.textContent = ""; });
    var nodes = cy.nodes().not(".user-hidden").sort(function (a, b) {
      return (b.data("keyFigure") - a.data("keyFigure")) || a.data("kind").localeCompare(b.data("kind")) || label(a).localeCompare(label(b));
    });
    nodes.forEach(function (n) {
      var text = label(n) + " (" + (KINDS[n.data("kind")] || KINDS.Other) + (n.data("keyFigure") ? ", " + T.keyfigure : "") + ")";
      [choice, pathFrom, pathTo].forEach(function (select) {
        var option = document.createElement("option");
        option.value = n.id();
        option.textContent = text;
        select.appendChild(option);
      });
    });
    [choice, pathFrom, pathTo].forEach(function (select, i) {
      if (keep[i] && cy.getElementById(keep[i]).nonempty()) { select.value = keep[i]; }
    });
    if (!keep[2] && nodes.length > 1) { pathTo.selectedIndex = 1; }
  }

  function setupPeriod() {
    var years = [];
    cy.edges().forEach(function (e) { [e.data("from"), e.data("to")].forEach(function (y) { if (y) { years.push(y); } }); });
    var low = years.length ? Math.min.apply(null, years) : new Date().getFullYear();
    var high = Math.max(years.length ? Math.max.apply(null, years) : low, new Date().getFullYear());
    [fromRange, toRange].forEach(function (r) { r.min = low; r.max = high; });
    fromRange.value = low;
    toRange.value = high;
    showPeriod();
  }

  function showPeriod() {
    $("nv-from-value").textContent = fromRange.value;
    $("nv-to-value").textContent = toRange.value;
    fromRange.setAttribute("aria-valuetext", fromRange.value);
    toRange.setAttribute("aria-valuetext", toRange.value);
  }

  /* Which edges show: their kind is ticked, their period [start, end] meets the chosen years (an
     edge without dates always shows), and neither end is hidden. */
  function apply() {
    var kinds = {};
    section.querySelectorAll("#nv-kinds input[name=kind]").forEach(function (box) { kinds[box.value] = box.checked; });
    var from = parseInt(fromRange.value, 10), to = parseInt(toRange.value, 10);
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var outside = (e.data("from") !== null && e.data("from") > to) || (e.data("to") !== null && e.data("to") < from);
        e.toggleClass("filtered", !kinds[e.data("kind")] || outside);
      });
    });
    listEdges();
    say(T.count, { nodes: shownNodes().length, edges: shownEdges().length });
  }

  // What shows, by the classes that hide (cytoscape recomputes `:visible` only when it next
  // draws, which may come after this list is written).
  function shownNodes() { return cy.nodes().not(".user-hidden"); }
  function shownEdges() {
    return cy.edges().filter(function (e) {
      return !e.hasClass("filtered") && !e.hasClass("user-hidden") &&
        !e.source().hasClass("user-hidden") && !e.target().hasClass("user-hidden");
    });
  }

  function listEdges() {
    edgeList.textContent = "";
    var shown = shownEdges();
    $("nv-list-count").textContent = "(" + shown.length + ")";
    if (!shown.length) {
      var none = document.createElement("li");
      none.textContent = T["edges.none"];
      edgeList.appendChild(none);
    }
    shown.forEach(function (e) {
      var item = document.createElement("li");
      item.dataset.type = e.data("type");
      item.appendChild(nodeLink(e.source()));
      var what = " " + e.data("label");
      var details = [e.data("role"), e.data("start") || e.data("end") ? dateText(e.data("start")) + " – " + dateText(e.data("end")) : ""]
        .filter(function (x) { return x; });
      if (details.length) { what += " (" + details.join(", ") + ")"; }
      item.appendChild(document.createTextNode(what + " "));
      item.appendChild(nodeLink(e.target()));
      edgeList.appendChild(item);
    });
  }

  function nodeLink(node) {
    var url = node.data("url");
    var el = document.createElement(url ? "a" : "span");
    if (url) { el.href = url; }
    el.textContent = label(node);
    return el;
  }

  function select(id) {
    var node = cy.getElementById(id);
    if (node.empty()) { return; }
    cy.nodes().unselect();
    node.select();
    choice.value = id;
    var url = node.data("url");
    if (url) { open.href = url; open.hidden = false; } else { open.hidden = true; open.removeAttribute("href"); }
    $("nv-pin").setAttribute("aria-pressed", node.hasClass("pinned") ? "true" : "false");
    $("nv-pin").textContent = node.hasClass("pinned") ? T.unpin : T.pin;
  }

  function getJSON(url) {
    holder.setAttribute("aria-busy", "true");
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .finally(function () { holder.removeAttribute("aria-busy"); });
  }

  function expand(id) {
    var node = cy.getElementById(id);
    if (node.empty()) { return Promise.resolve(); }
    return getJSON("/api/neighbourhood/" + encodeURIComponent(id) + "?depth=1&limit=" + PAGE)
      .then(function (answer) {
        var fresh = addAnswer(answer.graph, true);
        added[id] = (added[id] || cy.collection()).union(fresh);
        fresh.nodes().position(node.position());
        refreshChoices();
        apply();
        if (fresh.nodes().length) { layout(); }
        select(id);
        say(fresh.length ? T.expanded : T.nothing, { label: label(node), added: fresh.nodes().length });
      })
      .catch(function () { say(T.error); });
  }

  function collapse(id) {
    var node = cy.getElementById(id);
    var mine = added[id] || cy.collection();
    // What this node's expansion brought, but never a member or a pinned node.
    var gone = mine.nodes().filter(function (n) { return !n.data("member") && !n.hasClass("pinned") && n.id() !== id; });
    var removed = gone.length;
    cy.remove(gone.union(mine.edges()));
    delete added[id];
    refreshChoices();
    apply();
    select(id);
    say(T.collapsed, { label: label(node), removed: removed });
  }

  function clearPath() {
    cy.elements().removeClass("path faded");
  }

  function drawPath(path) {
    clearPath();
    cy.elements().not(path).addClass("faded");
    path.addClass("path");
    var names = path.nodes().map(label);
    say(T.pathfound, { hops: path.edges().length, labels: names.join(" → ") });
  }

  function findPath(a, b) {
    var source = cy.getElementById(a), target = cy.getElementById(b);
    if (source.empty() || target.empty() || a === b) { return; }
    var found = shownNodes().union(shownEdges()).aStar({ root: source, goal: target, directed: false });
    if (found.found) { drawPath(found.path); return; }
    // Not within the drawing: the shortest chain of facts in the graph, added to the drawing.
    getJSON("/api/paths?source=" + encodeURIComponent(a) + "&target=" + encodeURIComponent(b) + "&max_length=6")
      .then(function (answer) {
        if (!answer.graph.relationships.length) { throw new Error("no path"); }
        var fresh = addAnswer(answer.graph, true);
        added[a] = (added[a] || cy.collection()).union(fresh);
        refreshChoices();
        apply();
        if (fresh.nodes().length) { layout(); }
        var ids = answer.graph.nodes.map(function (n) { return n.id; });
        var path = cy.collection();
        ids.forEach(function (id) { path = path.union(cy.getElementById(id)); });
        answer.graph.relationships.forEach(function (r) { path = path.union(cy.getElementById(r.id)); });
        drawPath(path);
      })
      .catch(function () { say(T.nopath, { from: label(source), to: label(target) }); });
  }

  function fileName(ext) { return "netwerk-" + String(data.title).replace(/[^\w.-]+/g, "_") + "." + ext; }

  cy.on("tap", "node", function (event) {
    var id = event.target.id();
    select(id);
    tapped = tapped.filter(function (x) { return x !== id; }).concat([id]).slice(-2);
    if (tapped.length === 2) { pathFrom.value = tapped[0]; pathTo.value = tapped[1]; }
  });
  cy.on("dbltap", "node", function (event) { expand(event.target.id()); });
  cy.on("free", "node", function (event) { if (event.target.hasClass("pinned")) { event.target.lock(); } });
  $("nv-node-form").addEventListener("submit", function (event) { event.preventDefault(); expand(choice.value); });
  choice.addEventListener("change", function () { select(choice.value); });
  $("nv-collapse").addEventListener("click", function () { collapse(choice.value); });
  $("nv-hide").addEventListener("click", function () {
    var node = cy.getElementById(choice.value);
    if (node.empty()) { return; }
    node.addClass("user-hidden");
    node.connectedEdges().addClass("user-hidden");
    refreshChoices();
    apply();
    say(T.hidden, { label: label(node) });
  });
  $("nv-pin").addEventListener("click", function () {
    var node = cy.getElementById(choice.value);
    if (node.empty()) { return; }
    if (node.hasClass("pinned")) { node.removeClass("pinned").unlock(); } else { node.addClass("pinned").lock(); }
    select(node.id());
  });
  $("nv-show-all").addEventListener("click", function () {
    cy.elements().removeClass("user-hidden");
    clearPath();
    refreshChoices();
    apply();
  });
  $("nv-relayout").addEventListener("click", layout);
  $("nv-path-form").addEventListener("submit", function (event) { event.preventDefault(); findPath(pathFrom.value, pathTo.value); });
  $("nv-path-clear").addEventListener("click", function () { clearPath(); apply(); });
  var exporter = window.speurnetExport;
  $("nv-png").addEventListener("click", function () {
    exporter.download(cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 }), fileName("png"));
  });
  $("nv-svg").addEventListener("click", function () {
    exporter.download(exporter.svg({
      title: data.title, nodes: shownNodes(), edges: shownEdges(), label: label,
      nodeColour: function (n) { return COLOURS[n.data("kind")] || "#8a8a8a"; },
      edgeColour: function (e) { return e.hasClass("path") ? "#d4351c" : LINES[e.data("kind")]; }
    }), fileName("svg"));
  });
  section.querySelectorAll("#nv-kinds input").forEach(function (box) { box.addEventListener("change", apply); });
  [fromRange, toRange].forEach(function (range) {
    range.addEventListener("input", function () {
      // The two ends never cross: moving one past the other moves the other along.
      if (parseInt(fromRange.value, 10) > parseInt(toRange.value, 10)) {
        if (range === fromRange) { toRange.value = fromRange.value; } else { fromRange.value = toRange.value; }
      }
      showPeriod();
      apply();
    });
  });

  getJSON(data.url).then(function (answer) {
    addAnswer(answer.graph, false);
    refreshChoices();
    setupPeriod();
    apply();
    layout();
    var first = cy.nodes("[?keyFigure]").first();
    select((first.nonempty() ? first : cy.nodes().first()).id());
    section.dataset.ready = "true";
  }).catch(function () { say(T.error); });
})();
