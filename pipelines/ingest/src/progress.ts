// Progress on a terminal: file, rows, rows/s on one refreshed line of stderr, then a line while the
// indicator models are stored. Silent otherwise.

export interface Progress {
  start(file: string): void;
  rows(n: number): void;
  /** Reading is over: the rows are being checked and merged. */
  merging(n: number): void;
  done(): void;
  /** Every file is done; the indicator models are being stored again. */
  refreshing(): void;
}

export const silentProgress: Progress = { start() {}, rows() {}, merging() {}, done() {}, refreshing() {} };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let file = "";
  let t0 = 0;
  let last = 0;
  const draw = (n: number, force = false, tail = "") => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const secs = Math.max((now - t0) / 1000, 0.001);
    const rate = Math.round(n / secs).toLocaleString("zh-CN");
    stream.write(`\r\x1b[K正在导入 ${file}：已读取 ${n.toLocaleString("zh-CN")} 行，${rate} 行/秒${tail}`);
  };
  return {
    start(f) {
      file = f;
      t0 = Date.now();
      last = 0;
      draw(0, true);
    },
    rows: (n) => draw(n),
    merging: (n) => draw(n, true, "；正在校验与合并…"),
    done() {
      stream.write("\r\x1b[K");
    },
    refreshing() {
      stream.write("正在更新指标表…\n");
    },
  };
}
