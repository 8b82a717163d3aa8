// The year's candidate findings: tick or untick every candidate at once (the page works without it).
(function () {
  "use strict";
  document.querySelectorAll("[data-tick-all]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      const checked = button.dataset.tickAll === "on";
      document.querySelectorAll("input[name$='-include']").forEach((box) => {
        box.checked = checked;
      });
    });
  });
})();
