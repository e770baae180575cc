// Reading the loader's files in the browser: Arrow IPC through apache-arrow from node_modules. Pages
// call FileAttachment("….arrow").arrayBuffer() themselves: Framework adds an implicit CDN import of
// apache-arrow for a .arrow attachment used any other way (FileAttachment#arrow(), or the attachment
// passed around as a value).
import {tableFromIPC} from "apache-arrow";

/** An Arrow file's bytes as an array of plain objects. */
export function loadRows(buffer) {
  const table = tableFromIPC(new Uint8Array(buffer));
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const rows = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = columns[j].get(i);
    rows[i] = row;
  }
  return rows;
}
