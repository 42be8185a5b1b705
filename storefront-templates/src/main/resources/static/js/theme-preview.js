// The theme page (templates/console/theme.ftlh): the preview follows the colour inputs as they change.
// Each input[type=color][data-var=<name>] sets --v-<kebab-name> on #theme-preview (the saved values come
// from the shop's own theme.css, linked by the page).
(function () {
  "use strict";
  var preview = document.getElementById("theme-preview");
  if (!preview) {
    return;
  }
  function kebab(name) {
    return name.replace(/[A-Z]/g, function (letter) { return "-" + letter.toLowerCase(); });
  }
  document.querySelectorAll("input[type=color][data-var]").forEach(function (input) {
    input.addEventListener("input", function () {
      preview.style.setProperty("--v-" + kebab(input.getAttribute("data-var")), input.value);
    });
  });
})();
