// The overview map: suspect addresses as circles on their WGS84 coordinates, without any
// background tiles (works offline). Each point links to its address page.
(function () {
  "use strict";
  var holder = document.getElementById("map");
  var data = document.getElementById("map-points");
  if (!holder || !data || typeof L === "undefined") { return; }
  var points = JSON.parse(data.textContent || "[]");
  var map = L.map(holder, { attributionControl: false, zoomSnap: 0.25 });
  var bounds = [];
  points.forEach(function (p) {
    var radius = 4 + 8 * Math.min(1, p.score || 0);
    var marker = L.circleMarker([p.lat, p.lon], { radius: radius, color: "#00457c",
      weight: 1, fillColor: "#c0392b", fillOpacity: 0.6 });
    var link = document.createElement("a");
    link.href = "/adres/" + encodeURIComponent(p.id.replace(/^adres:/, ""));
    link.textContent = (p.label || p.id) + " (" + (p.score || 0).toFixed(2) + ")";
    marker.bindPopup(link);
    marker.addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); }
  else { map.setView([52.37, 4.9], 12); }
}());
