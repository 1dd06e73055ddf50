// Choosing a figure redraws the map and table at once (the Toon button does the same without JS).
document.addEventListener("DOMContentLoaded", () => {
  const select = document.getElementById("cijfer");
  if (select) select.addEventListener("change", () => select.form.submit());
});
