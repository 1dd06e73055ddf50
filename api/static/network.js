/* The network view of an entity page: cytoscape.js drawing the entity and its first page of
   links; clicking a node (or choosing it in the list) fetches its neighbours from
   /api/neighbourhood with the page session, "Meer laden" fetches the next page. Labels are set
   as text (cytoscape draws on a canvas), so no data becomes markup. */
(function () {
  "use strict";
  var holder = document.getElementById("netwerk");
  var dataNode = document.getElementById("netwerk-data");
  // A network page draws the network's own subgraph instead (network_view.js).
  if (!holder || !dataNode || document.getElementById("nv-data")) { return; }
  var data = JSON.parse(dataNode.textContent);
  var texts = data.texts;
  var status = document.getElementById("netwerk-status");
  if (typeof window.cytoscape !== "function") { status.textContent = texts.novendor; return; }
  var PAGE = 25;
  var PAGES = { adres: "/adres/", bsn: "/persoon/bsn:", person: "/persoon/person:",
                pseudo: "/persoon/pseudo:", kvk: "/bedrijf/", netwerk: "/netwerk/" };
  // Keys /api/neighbourhood can look up (a utility-use or figure node has no such key).
  var EXPANDABLE = ["adres", "bsn", "person", "pseudo", "kvk", "pand", "buurt", "vergunning",
                    "melding", "zaak", "netwerk"];
  var COLOURS = { Address: "#00457c", Person: "#b35900", Company: "#1f7a3a", Network: "#6b2fa3",
                  Signal: "#a8201a", Case: "#5a5a5a", Permit: "#2b6c8f" };
  var controls = document.getElementById("netwerk-controls");
  var choice = document.getElementById("netwerk-knoop");
  var more = document.getElementById("netwerk-meer");
  var open = document.getElementById("netwerk-open");
  var next = {};  // node id -> offset of its next page of neighbours
  var last = null;  // the node whose neighbours were loaded last ("Meer laden" continues it)

  function pageOf(id) {
    var cut = id.indexOf(":");
    var prefix = id.slice(0, cut);
    return cut > 0 && PAGES[prefix] ? PAGES[prefix] + encodeURIComponent(id.slice(cut + 1)).replace(/%3A/g, ":") : null;
  }

  var cy = window.cytoscape({
    container: holder,
    elements: data.elements,
    wheelSensitivity: 0.3,
    maxZoom: 1.6,  // a few nodes would otherwise fill the view with giant labels
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 10, "text-valign": "bottom",
          "text-margin-y": 3, "width": 18, "height": 18, "color": "#1b1b1b", "text-wrap": "ellipsis",
          "text-max-width": 140, "background-color": function (n) { return COLOURS[n.data("kind")] || "#8a8a8a"; } } },
      { selector: "node.center", style: { "width": 30, "height": 30, "border-width": 3, "border-color": "#1b1b1b", "font-weight": "bold" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffbf47" } },
      { selector: "edge", style: { "width": 1.5, "line-color": "#9a9a9a", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "target-arrow-color": "#9a9a9a", "arrow-scale": 0.7 } },
      { selector: "edge.prediction", style: { "line-style": "dashed", "line-color": "#6b2fa3", "target-arrow-color": "#6b2fa3" } }
    ],
    layout: { name: "preset" }
  });

  /* Start positions on a ring around a node, in a fixed order: cose then refines them without
     randomness (it draws random directions only for nodes that sit on the same spot), so the
     same data always gives the same picture. */
  function ring(around, nodes, radius) {
    var step = 2 * Math.PI / Math.max(nodes.length, 1);
    nodes.sort(function (a, b) { return a.id() < b.id() ? -1 : 1; }).forEach(function (n, i) {
      n.position({ x: around.x + radius * Math.cos(i * step), y: around.y + radius * Math.sin(i * step) });
    });
  }

  function arrange() {
    cy.layout({ name: "cose", animate: false, randomize: false, fit: true }).run();
  }

  var centre = cy.getElementById(data.center);
  centre.position({ x: 0, y: 0 });
  ring({ x: 0, y: 0 }, cy.nodes().not(centre), 120);
  arrange();

  function refresh() {
    status.textContent = texts.count.replace("{nodes}", cy.nodes().length).replace("{edges}", cy.edges().length);
    var chosen = choice.value;
    choice.textContent = "";
    cy.nodes().sort(function (a, b) { return a.data("label").localeCompare(b.data("label")); }).forEach(function (n) {
      var option = document.createElement("option");
      option.value = n.id();
      option.textContent = n.data("label") + " (" + n.data("kind") + ")";
      choice.appendChild(option);
    });
    if (chosen && cy.getElementById(chosen).nonempty()) { choice.value = chosen; }
    else { choice.value = data.center; }
  }

  function select(id) {
    var node = cy.getElementById(id);
    var url = node.data("url") || pageOf(id);
    cy.nodes().unselect();
    node.select();
    choice.value = id;
    if (url) { open.href = url; open.hidden = false; } else { open.hidden = true; open.removeAttribute("href"); }
    open.textContent = texts.selected.replace("{label}", node.data("label"));
  }

  function add(answer, from) {
    var fresh = cy.collection();
    answer.graph.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).empty()) {
        fresh = fresh.union(cy.add({ group: "nodes", data: { id: n.id, label: n.label || n.id, kind: n.kind, url: pageOf(n.id) } }));
      }
    });
    var added = fresh.length;
    if (added) { ring(cy.getElementById(from).position(), fresh, 80); }
    answer.graph.relationships.forEach(function (r) {
      if (cy.getElementById(r.id).empty() && cy.getElementById(r.start).nonempty() && cy.getElementById(r.end).nonempty()) {
        cy.add({ group: "edges", data: { id: r.id, source: r.start, target: r.end, type: r.type },
                 classes: r.type === "PREDICTED_LINK" ? "prediction" : "" });
      }
    });
    if (added) { arrange(); }
    return added;
  }

  function expand(id) {
    var offset = next[id] || 0;
    if (offset < 0 || EXPANDABLE.indexOf(id.split(":")[0]) < 0) { more.hidden = true; return Promise.resolve(0); }
    last = id;
    holder.setAttribute("aria-busy", "true");
    return fetch("/api/neighbourhood/" + encodeURIComponent(id) + "?depth=1&limit=" + PAGE + "&offset=" + offset,
                 { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (answer) {
        next[id] = answer.hasMore ? offset + PAGE : -1;
        more.hidden = !answer.hasMore;
        add(answer, id);
        refresh();
        select(id);
      })
      .catch(function () { status.textContent = texts.error; })
      .finally(function () { holder.removeAttribute("aria-busy"); });
  }

  cy.on("tap", "node", function (event) { select(event.target.id()); expand(event.target.id()); });
  controls.addEventListener("submit", function (event) { event.preventDefault(); select(choice.value); expand(choice.value); });
  more.addEventListener("click", function () { if (last) { expand(last); } });
  controls.hidden = false;
  refresh();
  select(data.center);
  window.speurnetNetwork = cy;  // for the browser tests and the curious
})();
