// Draws an investigation's result graph (nodes and relationships with public ids) with
// cytoscape.js; a node opens its entity page on double click or Enter via the table links.
(function () {
  "use strict";
  var holder = document.getElementById("result-graph");
  var data = document.getElementById("result-data");
  if (!holder || !data || typeof cytoscape === "undefined") { return; }
  var graph = JSON.parse(data.textContent || "{}");
  var ids = {};
  var elements = (graph.nodes || []).map(function (n) {
    ids[n.id] = true;
    return { data: { id: n.id, label: n.label || n.id, kind: n.kind } };
  });
  (graph.relationships || []).forEach(function (r) {
    if (ids[r.start] && ids[r.end]) {
      elements.push({ data: { id: r.id, source: r.start, target: r.end, label: r.type } });
    }
  });
  var colours = { Address: "#00457c", Person: "#8a4b00", Company: "#1d6b35", Network: "#6b2fa3" };
  cytoscape({
    container: holder, elements: elements, wheelSensitivity: 0.3,
    layout: { name: "cose", animate: false },
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 9, "width": 14, "height": 14,
        "background-color": function (e) { return colours[e.data("kind")] || "#555"; } } },
      { selector: "edge", style: { "width": 1, "line-color": "#999", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#999", "arrow-scale": 0.6 } }
    ]
  });
}());
