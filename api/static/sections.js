// Collapsible sections of the entity pages and the overview: a link to a section (the table of
// contents, a "more" link, an address typed with #anchor) opens it, and every closed section it
// sits in, before the browser scrolls there.
(function () {
  "use strict";
  function open(hash) {
    if (!hash || hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) open(link.getAttribute("href"));
  });
  window.addEventListener("hashchange", function () { open(window.location.hash); });
  open(window.location.hash);
})();
