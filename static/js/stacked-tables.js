// On a phone, a table wider than the screen either scrolls sideways, hiding the column a
// person came for (a "Continue" link, a rating), or is read row by row. Tables outside a
// scrolling region of their own are read row by row: each cell is labelled with its
// column's heading (data-label, which the stylesheet shows above the value below the tablet
// breakpoint). The table keeps its elements and headings for screen readers: current Chromium,
// Firefox and Safari (16 on) keep table semantics under display: block, and HTML forbids the
// explicit ARIA table roles older advice adds. Cells already given a data-label keep theirs.

// The heading of each column, with colspans spread over the columns they cover.
const columnHeadings = (table) => {
  const headings = [];
  const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
  for (const cell of headerRow?.cells ?? []) {
    const text = cell.textContent.replace(/\s+/g, " ").trim();
    for (let i = 0; i < cell.colSpan; i += 1) headings.push(text);
  }
  return headings;
};

export function stackTables(root = document) {
  for (const table of root.querySelectorAll("table.govuk-table")) {
    // A table in its own scrolling region (a labelled, focusable one) is left to scroll there.
    if (table.closest('.app-table-scroll, [role="region"][tabindex="0"]')) continue;
    if (table.classList.contains("app-table--stacked")) continue;
    const headings = columnHeadings(table);
    if (headings.length < 2) continue;
    for (const row of table.rows) {
      let column = 0;
      for (const cell of row.cells) {
        // A row's own heading is the title of its card; a cell across every column ("No
        // actions yet.") needs no label either.
        const label = cell.tagName === "TD" && cell.colSpan < headings.length ? headings[column] : "";
        if (row.parentElement !== table.tHead && label && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", label);
        }
        column += cell.colSpan;
      }
    }
    table.classList.add("app-table--stacked");
  }
}
