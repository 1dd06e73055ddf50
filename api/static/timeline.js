// The drawn timeline of an entity page: one lane per kind of fact, a bar per period
// (registration, role, ownership), a dot per dated fact (signal, case, permit), on a time axis
// that zooms (buttons, mouse wheel) and pans (buttons, dragging). Plain SVG, no library; the
// same events are listed as text beside it, which is what screen readers and the keyboard use.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 1000, LEFT = 150, RIGHT = 15, TOP = 24, ROW = 12, GAP = 10, MAX_ROWS = 8;
  var DAY = 86400000;
  var box = document.getElementById("tijdlijn-tekening");
  var holder = document.getElementById("tijdlijn-svg");
  var dataNode = document.getElementById("tijdlijn-data");
  if (!box || !holder || !dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var now = Date.now();
  var events = data.events.map(function (e) {
    var start = Date.parse(e.date);
    var end = e.end ? Date.parse(e.end) : (e.period ? now : start);
    return { start: start, end: Math.max(end, start), what: e.what, label: e.label,
             url: e.url, period: e.period, text: e.date + (e.end ? " – " + e.end : "") };
  }).filter(function (e) { return !isNaN(e.start); });
  if (!events.length) return;
  var min = Math.min.apply(null, events.map(function (e) { return e.start; }));
  var max = Math.max.apply(null, events.map(function (e) { return e.end; }));
  var pad = Math.max((max - min) * 0.03, 30 * DAY);
  var full = [min - pad, max + pad];
  var view = full.slice();
  var lanes = layout(events);

  function layout(all) {
    // Lanes by kind in order of appearance; overlapping periods go to the next free row.
    var byKind = {}, order = [];
    all.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (e) {
      if (!byKind[e.what]) { byKind[e.what] = []; order.push(e.what); }
      var rows = byKind[e.what], row = 0;
      while (row < rows.length && rows[row] > e.start && row < MAX_ROWS - 1) row += 1;
      rows[row] = Math.max(rows[row] || 0, e.end + DAY);
      e.row = row;
    });
    var y = TOP;
    return order.map(function (kind) {
      var lane = { kind: kind, y: y, rows: byKind[kind].length };
      y += lane.rows * ROW + GAP;
      return lane;
    });
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function x(time) {
    return LEFT + (time - view[0]) / (view[1] - view[0]) * (WIDTH - LEFT - RIGHT);
  }

  function ticks() {
    var span = view[1] - view[0], found = [];
    var first = new Date(view[0]), months = span < 3 * 365 * DAY;
    var step = months ? (span < 400 * DAY ? 1 : 3) : Math.max(1, Math.ceil(span / (365 * DAY) / 10));
    var d = months ? new Date(first.getFullYear(), first.getMonth(), 1)
                   : new Date(first.getFullYear(), 0, 1);
    while (d.getTime() <= view[1]) {
      if (d.getTime() >= view[0]) {
        found.push({ t: d.getTime(), text: months ? (d.getMonth() + 1) + "-" + d.getFullYear()
                                                  : String(d.getFullYear()) });
      }
      d = months ? new Date(d.getFullYear(), d.getMonth() + step, 1)
                 : new Date(d.getFullYear() + step, 0, 1);
    }
    return found;
  }

  function draw() {
    var last = lanes[lanes.length - 1];
    var height = last.y + last.rows * ROW + GAP;
    var svg = el("svg", { viewBox: "0 0 " + WIDTH + " " + height, role: "img",
                          "aria-label": data.label });
    var clip = el("clipPath", { id: "tl-clip" }, el("defs", {}, svg));
    el("rect", { x: LEFT, y: 0, width: WIDTH - LEFT - RIGHT, height: height }, clip);
    ticks().forEach(function (tick) {
      el("line", { x1: x(tick.t), x2: x(tick.t), y1: TOP - 6, y2: height, class: "tl-axis",
                   "stroke-dasharray": "2 3" }, svg);
      el("text", { x: x(tick.t) + 2, y: 12 }, svg).textContent = tick.text;
    });
    lanes.forEach(function (lane) {
      el("text", { x: 4, y: lane.y + 10 }, svg).textContent = lane.kind;
      el("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: lane.y - GAP / 2, y2: lane.y - GAP / 2,
                   class: "tl-axis", "stroke-width": "0.5" }, svg);
    });
    var marks = el("g", { "clip-path": "url(#tl-clip)" }, svg);
    events.forEach(function (e) {
      var lane = lanes.filter(function (l) { return l.kind === e.what; })[0];
      var y = lane.y + e.row * ROW, shape;
      if (e.period || e.end > e.start) {
        shape = el("rect", { x: x(e.start), y: y + 1, height: ROW - 3, class: "tl-bar",
                             width: Math.max(3, x(e.end) - x(e.start)) }, marks);
      } else {
        shape = el("circle", { cx: x(e.start), cy: y + ROW / 2, r: 4, class: "tl-point" }, marks);
      }
      el("title", {}, shape).textContent = e.what + ": " + (e.label || "") + " (" + e.text + ")";
      if (e.url) {
        shape.addEventListener("click", function () { window.location.href = e.url; });
        shape.setAttribute("cursor", "pointer");
      }
    });
    holder.replaceChildren(svg);
    var range = document.getElementById("tijdlijn-bereik");
    if (range) {
      range.textContent = data.range.replace("{from}", new Date(view[0]).toISOString().slice(0, 10))
                                    .replace("{to}", new Date(view[1]).toISOString().slice(0, 10));
    }
  }

  function zoom(factor, at) {
    var centre = at === undefined ? (view[0] + view[1]) / 2 : at;
    var span = Math.min(full[1] - full[0], Math.max(14 * DAY, (view[1] - view[0]) * factor));
    var share = (centre - view[0]) / (view[1] - view[0]);
    view = clamp([centre - span * share, centre + span * (1 - share)]);
    draw();
  }

  function pan(share) {
    var span = view[1] - view[0];
    view = clamp([view[0] + span * share, view[1] + span * share]);
    draw();
  }

  function clamp(range) {
    var span = range[1] - range[0];
    if (range[0] < full[0]) return [full[0], full[0] + span];
    if (range[1] > full[1]) return [full[1] - span, full[1]];
    return range;
  }

  box.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-zoom]") : null;
    if (!button) return;
    var what = button.getAttribute("data-zoom");
    if (what === "in") zoom(0.5);
    else if (what === "out") zoom(2);
    else if (what === "left") pan(-0.25);
    else if (what === "right") pan(0.25);
    else { view = full.slice(); draw(); }
  });
  holder.addEventListener("wheel", function (event) {
    var rect = holder.getBoundingClientRect();
    var share = Math.max(0, (event.clientX - rect.left) / rect.width * WIDTH - LEFT) / (WIDTH - LEFT - RIGHT);
    event.preventDefault();
    zoom(event.deltaY < 0 ? 0.8 : 1.25, view[0] + share * (view[1] - view[0]));
  }, { passive: false });
  var dragFrom = null;
  holder.addEventListener("pointerdown", function (event) { dragFrom = event.clientX; });
  window.addEventListener("pointerup", function () { dragFrom = null; });
  holder.addEventListener("pointermove", function (event) {
    if (dragFrom === null) return;
    var rect = holder.getBoundingClientRect();
    var moved = (dragFrom - event.clientX) / rect.width * WIDTH / (WIDTH - LEFT - RIGHT);
    if (Math.abs(moved) > 0.01) { dragFrom = event.clientX; pan(moved); }
  });
  box.hidden = false;
  window.speurnetTimeline = { view: function () { return view.slice(); }, full: full.slice(),
                              zoom: zoom, pan: pan };
  draw();
})();
