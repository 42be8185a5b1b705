// The product import page (templates/console/product-import.ftlh): POST /api/v1/products:import followed to
// its end by the shared import panel (import-panel.js); no result file to hand out.
(function () {
  "use strict";

  if (window.VitrineImportPanel) {
    window.VitrineImportPanel.attach("product-import");
  }
})();
