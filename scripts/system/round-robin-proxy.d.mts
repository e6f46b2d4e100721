export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Requests sent to each upstream so far, by "host:port". */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

export function startRoundRobinProxy(options: {
  targets: string[];
  port?: number;
  host?: string;
  maxBodyBytes?: number;
  timeoutMs?: number;
  maxConnections?: number;
  downMs?: number;
}): Promise<RoundRobinProxy>;
