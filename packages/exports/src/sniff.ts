// What a file is, from its extension and first bytes, before anything is read for real.
import fs from "node:fs";
import path from "node:path";
import { RefusedFileError } from "@anjian/errors";

export type FileFormat = "csv" | "xlsx";

const SAVE_AS_XLSX = "请用 Excel 或 WPS 打开后“另存为” .xlsx 格式（或 CSV），再重新导入。";

function head(file: string, n: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(n);
    const read = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Decides how to read a file, or refuses it with the reason and what to do. */
export function sniffFile(file: string): FileFormat {
  const ext = path.extname(file).toLowerCase();
  const size = fs.statSync(file).size;
  if (size === 0) throw new RefusedFileError("文件为空（0 字节）。请从平台重新导出后再导入。");
  const first = head(file, 8);
  if (ext === ".xls" || ext === ".et")
    throw new RefusedFileError(`不支持旧版 Excel 格式（${ext}）。${SAVE_AS_XLSX}`);
  if (ext === ".numbers") throw new RefusedFileError(`不支持 Numbers 表格。${SAVE_AS_XLSX}`);
  if (ext === ".zip" || ext === ".rar" || ext === ".7z")
    throw new RefusedFileError("不支持压缩包。请先解压，再导入其中的 .xlsx 或 .csv 文件。");
  if (ext === ".xlsx") {
    if (first.subarray(0, 8).equals(OLE))
      throw new RefusedFileError(`该文件扩展名为 .xlsx，但实际是旧版 Excel（.xls）或加密文件。${SAVE_AS_XLSX}`);
    if (!first.subarray(0, 4).equals(ZIP))
      throw new RefusedFileError(`该文件不是有效的 .xlsx 文件（文件头不符）。${SAVE_AS_XLSX}`);
    return "xlsx";
  }
  if (ext === ".csv" || ext === ".txt") {
    if (first.subarray(0, 8).equals(OLE))
      throw new RefusedFileError(`该文件扩展名为 ${ext}，但实际是旧版 Excel（.xls）文件。${SAVE_AS_XLSX}`);
    if (first.subarray(0, 4).equals(ZIP))
      throw new RefusedFileError(`该文件扩展名为 ${ext}，但实际是 .xlsx 或压缩文件。请把扩展名改为 .xlsx 后再导入。`);
    return "csv";
  }
  throw new RefusedFileError(`不支持的文件类型“${ext || "无扩展名"}”。只能导入 .xlsx 和 .csv 文件；${SAVE_AS_XLSX}`);
}
