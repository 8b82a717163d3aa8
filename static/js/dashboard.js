// Charts of the dashboard, drawn from the JSON the page embeds (no data is fetched).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data-grafik").textContent);
  const green = "#146c43", orange = "#fd7e14", grey = "#6c757d";
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false; // prints and screenshots show the final chart at once
  // Printing: lay the page out as on A4 (.print-layout, see app.css) and redraw every chart at the
  // size of its printed box, sharper than on screen; afterwards, back to the screen's layout.
  // Browsers fire beforeprint; a print-media switch (emulation, some browsers) does the same.
  const charts = () => Object.values(Chart.instances);
  const screenFont = Chart.defaults.font.size;
  function redraw(fontSize, boxWidth, pixelRatio) {
    Chart.defaults.font.size = fontSize;
    charts().forEach((chart) => {
      chart.options.devicePixelRatio = pixelRatio;
      const legend = chart.config.options.plugins.legend;
      if (legend.labels) legend.labels.boxWidth = boxWidth;
      chart.resize();
      chart.update("none");
    });
  }
  function toPaper() {
    document.documentElement.classList.add("print-layout");
    redraw(9, 8, 3);
  }
  function toScreen() {
    document.documentElement.classList.remove("print-layout");
    redraw(screenFont, 12, undefined);
  }
  window.addEventListener("beforeprint", toPaper);
  window.addEventListener("afterprint", toScreen);
  window.matchMedia("print").addEventListener("change", (query) => (query.matches ? toPaper() : toScreen()));

  function linkOnClick(items) {
    return function (event, elements) {
      if (elements.length && items[elements[0].index].url) {
        window.location.href = items[elements[0].index].url;
      }
    };
  }

  // Long names wrap over several lines instead of being cut off.
  function wrap(label) {
    return label.match(/.{1,26}(\s|$)/g).map((line) => line.trim());
  }

  new Chart(document.getElementById("grafik-area"), {
    type: "bar",
    data: {
      labels: data.areas.map((a) => wrap(a.label)),
      datasets: [{ label: "Rata-rata capaian (%)", data: data.areas.map((a) => a.value),
                   backgroundColor: data.areas.map((a) => a.colour) }],
    },
    options: { indexAxis: "y", maintainAspectRatio: false, onClick: linkOnClick(data.areas),
               scales: { x: { min: 0, suggestedMax: 120, title: { display: true, text: "%" } },
                         y: { ticks: { autoSkip: false } } },
               plugins: { legend: { display: false } } },
  });

  const agencyCanvas = document.getElementById("grafik-pd");  // absent while no report is due
  if (agencyCanvas) new Chart(agencyCanvas, {
    type: "bar",
    data: {
      labels: data.agencies.map((a) => a.label),
      datasets: [{ label: "Laporan masuk (%)", data: data.agencies.map((a) => a.value), backgroundColor: green }],
    },
    options: { indexAxis: "y", maintainAspectRatio: false, onClick: linkOnClick(data.agencies),
               scales: { x: { min: 0, max: 100, title: { display: true, text: "% laporan masuk" } },
                         y: { ticks: { autoSkip: false } } },
               plugins: { legend: { display: false } } },
  });

  data.indicators.forEach(function (chart) {
    const datasets = [
      { type: "line", label: "Target", data: chart.target, borderColor: grey, backgroundColor: grey,
        borderDash: [4, 3], spanGaps: true, pointRadius: 3 },
      { type: chart.ordinal ? "line" : "bar", label: "Realisasi terverifikasi", data: chart.verified,
        backgroundColor: green, borderColor: green, showLine: false, pointRadius: 6 },
      { type: "line", label: "Sementara", data: chart.unverified, borderColor: orange,
        backgroundColor: orange, showLine: false, pointRadius: 5, pointStyle: "triangle" },
    ];
    const y = chart.ordinal
      ? { type: "category", labels: chart.levels.slice().reverse(), offset: true }
      : { beginAtZero: true, title: { display: Boolean(chart.unit), text: chart.unit } };
    new Chart(document.getElementById("grafik-indikator-" + chart.id), {
      data: { labels: chart.years, datasets: datasets },
      options: { maintainAspectRatio: false, scales: { y: y },
                 plugins: { legend: { labels: { boxWidth: 12 } } } },
    });
  });
})();
