// PMPRB pages: the round's stacked bar chart (data from the page's JSON, nothing fetched) and the
// print buttons. No inline script: the pages include this file.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));

  const source = document.getElementById("data-pmprb");
  const canvas = document.getElementById("grafik-pmprb");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  const data = JSON.parse(source.textContent);
  // One bar per assessment: the box grows with the number of rows so every name stays readable.
  const box = canvas.parentElement;
  box.style.height = Math.max(240, data.labels.length * 24 + 90) + "px";
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false; // prints and screenshots show the final chart at once
  const resizeAll = () => Object.values(Chart.instances).forEach((chart) => chart.resize());
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);

  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: series.colour,
      })),
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, min: 0, max: 100, title: { display: true, text: "Nilai (0–100)" } },
        y: {
          stacked: true,
          ticks: {
            autoSkip: false,
            // On a phone the names would push the bars off the canvas: shortened there, whole in the table.
            callback: function (value) {
              const label = this.getLabelForValue(value);
              return this.chart.width < 500 && label.length > 14 ? label.slice(0, 13) + "…" : label;
            },
          },
        },
      },
      plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
    },
  });
})();
