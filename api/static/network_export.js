/* Exporting a network drawing (network_view.js): a file download of a blob, and an SVG of what is
   drawn (the shown nodes and edges where they are), built as DOM nodes so labels stay text. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }

  // what: {title, nodes, edges (cytoscape collections), label(node), nodeColour(n), edgeColour(e)}
  function svg(what) {
    var box = what.nodes.union(what.edges).boundingBox({ includeLabels: true });
    var root = document.createElementNS(NS, "svg");
    root.setAttribute("xmlns", NS);
    root.setAttribute("viewBox", [box.x1 - 10, box.y1 - 10, box.w + 20, box.h + 20].join(" "));
    root.setAttribute("width", Math.round(box.w + 20));
    root.setAttribute("height", Math.round(box.h + 20));
    function el(name, attrs, text) {
      var made = document.createElementNS(NS, name);
      Object.keys(attrs).forEach(function (k) { made.setAttribute(k, attrs[k]); });
      if (text) { made.textContent = text; }
      root.appendChild(made);
      return made;
    }
    el("title", {}, what.title);
    what.edges.forEach(function (e) {
      var s = e.source().position(), t = e.target().position();
      el("line", { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: what.edgeColour(e),
                   "stroke-width": e.hasClass("path") ? 4 : 1.5,
                   "stroke-dasharray": e.hasClass("ended") ? "5 3" : "none" });
      el("text", { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2, "font-size": 8, "text-anchor": "middle",
                   fill: "#333" }, e.data("label"));
    });
    what.nodes.forEach(function (n) {
      var p = n.position(), r = n.width() / 2, key = n.data("keyFigure");
      el("circle", { cx: p.x, cy: p.y, r: r, fill: what.nodeColour(n),
                     stroke: key ? "#1b1b1b" : "#ffffff", "stroke-width": key ? 4 : 1 });
      el("text", { x: p.x, y: p.y + r + 11, "font-size": key ? 12 : 10, "text-anchor": "middle",
                   "font-weight": key ? "bold" : "normal", fill: "#1b1b1b" }, what.label(n));
    });
    return new Blob([new XMLSerializer().serializeToString(root)], { type: "image/svg+xml" });
  }

  window.speurnetExport = { download: download, svg: svg };
})();
