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
  // A table wider than the screen scrolls inside its box: make that box reachable and named for
  // keyboard and screen-reader users, only while it does scroll.
  function scrollableTables() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        const table = box.querySelector("table");
        const name = (table && (table.getAttribute("aria-label") || (table.caption && table.caption.textContent))) || "Tabel";
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name.trim() + " (geser ke samping)");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  scrollableTables();
  window.addEventListener("resize", scrollableTables);
})();
