// On a phone, a table wider than the screen either scrolls sideways, hiding the column a
// person came for (a "Continue" link, a rating), or is read row by row. Tables outside a
// scrolling region of their own are read row by row: each cell is labelled with its
// column's heading (data-label, which the stylesheet shows above the value below the tablet
// breakpoint). The stylesheet stacks rows with display: block, which makes some browsers forget
// that it is a table, so the table's roles are set explicitly and screen readers keep rows,
// columns and headings. Cells already given a data-label by the template keep theirs.

const roleOf = (cell) => {
  if (cell.tagName !== "TH") return "cell";
  return cell.getAttribute("scope") === "row" ? "rowheader" : "columnheader";
};

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
    table.setAttribute("role", "table");
    for (const group of table.querySelectorAll(":scope > thead, :scope > tbody, :scope > tfoot")) {
      group.setAttribute("role", "rowgroup");
    }
    for (const row of table.rows) {
      row.setAttribute("role", "row");
      let column = 0;
      for (const cell of row.cells) {
        cell.setAttribute("role", roleOf(cell));
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
