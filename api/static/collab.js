/* The watch form of an entity page's collaboration panel: the chosen list decides where the form
   posts (/volglijsten/<list>/toevoegen). Without script the form posts to the first list. Kept
   out of the page so the Content-Security-Policy needs no inline script. */
(function () {
  "use strict";
  var select = document.getElementById("watch-list");
  var button = document.getElementById("watch-button");
  if (!select || !button) { return; }
  select.addEventListener("change", function () {
    button.setAttribute("formaction",
      "/volglijsten/" + encodeURIComponent(select.value) + "/toevoegen");
  });
}());
