// The dashboards: sortable tables (MOJ Frontend), trend charts (Chart.js, loaded before this module
// as a classic script) drawn from the page's JSON data block, and the report's print button.
import { SortableTable } from "../moj/moj-frontend.min.js";

for (const table of document.querySelectorAll('[data-module="moj-sortable-table"]')) {
  new SortableTable(table);
}

for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// GOV.UK palette without red, amber or green, so no team's line reads as a rating; each series also has its own
// point shape and dash, so no line is told apart by colour alone.
const COLOURS = ["#0b0c0c", "#1d70b8", "#4c2c92", "#d53880", "#b58840", "#5694ca", "#505a5f", "#6f72af", "#912b88"];
const SHAPES = ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "rectRounded", "cross", "line"];
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4]];

const data = document.getElementById("trend-data");
if (data && window.Chart) {
  for (const chart of JSON.parse(data.textContent).charts) {
    const canvas = document.getElementById(chart.id);
    if (!canvas) continue;
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: chart.labels,
        datasets: chart.series.map((series, i) => ({
          label: series.name,
          data: series.data,
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          pointStyle: SHAPES[i % SHAPES.length],
          pointRadius: 4,
          borderDash: DASHES[i % DASHES.length],
          borderWidth: i === 0 && chart.series.length > 1 ? 3 : 2,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: "% compliant" } } },
        plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
      },
    });
  }
}
