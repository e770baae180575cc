// What a printed page says about itself: the selected year and town in the page header (the header
// prints once, at the top), and on every sheet's foot the data's date (an @page margin box; the
// page number is in style.css).
import {dateTimeZh} from "./format.js";

export function printStamp(meta, selection) {
  const scope = document.getElementById("print-scope");
  if (scope) scope.textContent = selection ? `${selection.year}年 · ${selection.town}` : "";
  let style = document.getElementById("print-page-style");
  if (!style) {
    style = document.createElement("style");
    style.id = "print-page-style";
    document.head.append(style);
  }
  const title = document.title.split(" | ")[0];
  const text = `安全生产执法驾驶舱 · ${title} · 数据截至${dateTimeZh(meta.asOf)}`.replaceAll('"', "");
  style.textContent = `@page { @bottom-left { content: "${text}"; font: 9pt "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #333; } }`;
}
