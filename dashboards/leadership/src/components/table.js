// A sortable, searchable table: click a column header to sort (again to reverse); type to keep only
// the rows whose text contains every word typed. On paper the first `printLimit` rows print, with a
// line saying how many there are in all. On a phone every row is a card (style.css): each cell
// carries its column's name, and the columns marked `detail` (by default all after the fifth, when
// there are more than six) open with the row's "详情" button. A phone lists `phoneLimit` rows at
// first, with a button for the next ones.
import {el} from "./dom.js";

/**
 * @param rows objects
 * @param {{columns: {key: string, label: string, format?: (v: any, row: any) => any, align?: "left"|"right"|"center", wrap?: boolean, sortValue?: (row: any) => any}[],
 *          search?: boolean, placeholder?: string, sort?: {key: string, descending?: boolean}, empty?: string, name?: string, caption?: string}} options
 */
export function dataTable(rows, {columns, search = true, placeholder = "搜索…", sort, empty = "没有符合条件的记录", name, caption = "数据表", printLimit = 40, phoneLimit = 20} = {}) {
  const isDetail = (c, i) => c.detail ?? (columns.length > 6 && i >= 5);
  const hasDetail = columns.some(isDetail);
  const phone = typeof matchMedia === "function" && matchMedia("(max-width: 480px)").matches;
  let shown = phoneLimit;
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
  if (hasDetail) headers.push(el("th", {scope: "col", class: "more"}, el("span", {class: "sr-only"}, "详情")));
  const moreRows = el("button", {type: "button", class: "button secondary table-more", hidden: true, onclick: showMore});
  function showMore() {
    shown += phoneLimit;
    render();
  }
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
    for (const [i, th] of headers.slice(0, columns.length).entries()) th.setAttribute("aria-sort", columns[i].key === sortKey ? (descending ? "descending" : "ascending") : "none");
    tbody.replaceChildren(
      ...(index.length === 0
        ? [el("tr", {}, el("td", {colspan: columns.length + (hasDetail ? 1 : 0), class: "empty"}, empty))]
        : (phone ? index.slice(0, shown) : index).map((i, n) => {
            const tr = el(
              "tr",
              {class: n >= printLimit ? "print-hide" : null},
              columns.map((c, j) => {
                const v = c.format ? c.format(rows[i][c.key], rows[i]) : rows[i][c.key];
                const cls = [c.align === "right" ? "num" : c.align === "center" ? "center" : null, c.wrap ? "wrap" : null, isDetail(c, j) ? "detail" : null, v == null || v === "" ? "blank" : null];
                return el("td", {class: cls.filter(Boolean).join(" ") || null, "data-label": c.label}, v ?? "");
              })
            );
            if (hasDetail) {
              const button = el("button", {type: "button", "aria-expanded": "false", onclick: () => button.setAttribute("aria-expanded", String(tr.classList.toggle("open")))}, "详情");
              tr.append(el("td", {class: "more"}, button));
            }
            return tr;
          }))
    );
    moreRows.hidden = !phone || index.length <= shown;
    moreRows.textContent = `再显示 ${Math.min(phoneLimit, index.length - shown)} 条（共 ${index.length} 条）`;
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
    el("div", {class: "table-scroll"}, el("table", {}, el("caption", {class: "sr-only"}, caption), el("thead", {}, el("tr", {}, headers)), tbody)),
    moreRows,
    printNote
  );
}
