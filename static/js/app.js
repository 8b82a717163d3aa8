// Behaviour shared by every page (loaded by base.html; no inline scripts: see the CSP in settings).
(function () {
  "use strict";
  // "Cetak" buttons print the page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // "Select all" boxes in table headers tick every box of their table.
  document.querySelectorAll("[data-select-all]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll('input[name="' + box.dataset.selectAll + '"]').forEach(function (each) {
        each.checked = box.checked;
      });
    });
  });
})();
