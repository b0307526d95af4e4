import { initAll } from "../govuk/govuk-frontend.min.js";
import { SortableTable } from "../moj/moj-frontend.min.js";

initAll();

// Sortable tables anywhere (search results, queues); a page's own script may have started some already.
for (const table of document.querySelectorAll('[data-module="moj-sortable-table"]')) {
  try {
    new SortableTable(table);
  } catch {
    // already initialised by the page's own module
  }
}

// "Print this page" buttons (the child's whole record): without JavaScript, the browser's own print command.
for (const button of document.querySelectorAll("[data-print-page]")) {
  button.addEventListener("click", () => window.print());
}
