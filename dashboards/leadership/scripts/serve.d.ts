import type http from "node:http";

export interface StartedServer {
  server: http.Server;
  /** http://host:port/ */
  url: string;
  close(): Promise<void>;
}

export function startServer(options?: { dir?: string; host?: string; port?: number; log?: (line: string) => void }): Promise<StartedServer>;
