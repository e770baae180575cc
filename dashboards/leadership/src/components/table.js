// A sortable, searchable table: click a column header to sort (again to reverse); type to keep only
// the rows whose text contains every word typed. On paper the first `printLimit` rows print, with a
// line saying how many there are in all.
import {el} from "./dom.js";

/**
 * @param rows objects
 * @param {{columns: {key: string, label: string, format?: (v: any, row: any) => any, align?: "left"|"right"|"center", wrap?: boolean, sortValue?: (row: any) => any}[],
 *          search?: boolean, placeholder?: string, sort?: {key: string, descending?: boolean}, empty?: string, name?: string}} options
 */
export function dataTable(rows, {columns, search = true, placeholder = "搜索…", sort, empty = "没有符合条件的记录", name, printLimit = 40} = {}) {
  let sortKey = sort?.key ?? null;
  let descending = sort?.descending ?? false;
  let query = "";
  const text = (c, row) => {
    const v = c.format ? c.format(row[c.key], row) : row[c.key];
    return v == null ? "" : v instanceof Node ? v.textContent : String(v);
  };
  const haystacks = rows.map((row) => columns.map((c) => text(c, row)).join(" ").toLowerCase());
  const tbody = el("tbody");
  const count = el("span", {class: "table-count"});
  const printNote = el("p", {class: "print-only table-print-note"});
  const headers = columns.map((c) =>
    el(
      "th",
      {scope: "col", class: c.align === "right" ? "num" : null},
      el("button", {type: "button", class: "sort", onclick: () => setSort(c.key)}, c.label)
    )
  );
  function setSort(key) {
    if (sortKey === key) descending = !descending;
    else {
      sortKey = key;
      descending = false;
    }
    render();
  }
  function render() {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const index = rows.map((_, i) => i).filter((i) => words.every((w) => haystacks[i].includes(w)));
    if (sortKey) {
      const c = columns.find((x) => x.key === sortKey);
      const value = c.sortValue ?? ((r) => r[c.key]);
      index.sort((a, b) => {
        const va = value(rows[a]);
        const vb = value(rows[b]);
        const order =
          va == null ? (vb == null ? 0 : 1) : vb == null ? -1 : typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb), "zh-CN");
        return descending ? -order : order;
      });
    }
    for (const [i, th] of headers.entries()) th.setAttribute("aria-sort", columns[i].key === sortKey ? (descending ? "descending" : "ascending") : "none");
    tbody.replaceChildren(
      ...(index.length === 0
        ? [el("tr", {}, el("td", {colspan: columns.length, class: "empty"}, empty))]
        : index.map((i, n) =>
            el(
              "tr",
              {class: n >= printLimit ? "print-hide" : null},
              columns.map((c) => {
                const v = c.format ? c.format(rows[i][c.key], rows[i]) : rows[i][c.key];
                return el("td", {class: [c.align === "right" ? "num" : c.align === "center" ? "center" : null, c.wrap ? "wrap" : null].filter(Boolean).join(" ") || null}, v ?? "");
              })
            )
          ))
    );
    count.textContent = words.length ? `共 ${rows.length} 条，符合 ${index.length} 条` : `共 ${rows.length} 条`;
    printNote.textContent = index.length > printLimit ? `（打印时列出前 ${printLimit} 条，共 ${index.length} 条；全部记录请在页面上查看。）` : "";
  }
  const input = search
    ? el("input", {
        type: "search",
        placeholder,
        "aria-label": placeholder,
        oninput: (e) => {
          query = e.target.value;
          render();
        }
      })
    : null;
  render();
  return el(
    "div",
    {class: "data-table", "data-table": name ?? null},
    el("div", {class: "table-tools"}, input, count),
    el("div", {class: "table-scroll"}, el("table", {}, el("thead", {}, el("tr", {}, headers)), tbody)),
    printNote
  );
}
