import pg from "pg";

export interface ListenerOptions {
  connectionString: string;
  channel: string;
  /** Every payload heard on the channel. */
  onMessage: (payload: string | undefined) => void;
  /** The connection was lost: whatever is sent until `onUp` is not heard. */
  onDown?: (error: unknown) => void;
  /** Listening (again). */
  onUp?: () => void;
  /** The first wait before reconnecting, doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** How often the connection is checked with a query: a dead peer otherwise goes unnoticed. */
  pingMs?: number;
}

/**
 * One dedicated connection that LISTENs on a channel, outside the query pool: a pooled connection (and
 * PgBouncer in transaction mode) hands the session to others between queries, and LISTEN belongs to a
 * session. When the connection drops it reconnects, waiting longer after each failure.
 */
export class ChannelListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private delay: number;
  private retry: NodeJS.Timeout | null = null;
  private ping: NodeJS.Timeout | null = null;
  private waiting: Array<() => void> = [];
  private connecting = false;
  live = false;

  constructor(private readonly options: ListenerOptions) {
    this.delay = options.initialDelayMs ?? 250;
  }

  /** Start listening; reconnects by itself until `stop()`. */
  start(): void {
    if (this.client || this.connecting || this.retry || this.stopped) return;
    void this.connect();
  }

  /** Resolves true once listening, or false after `timeoutMs` without a connection. */
  ready(timeoutMs: number): Promise<boolean> {
    if (this.live) return Promise.resolve(true);
    this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiting.push(done);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.ping) clearInterval(this.ping);
    this.retry = this.ping = null;
    this.live = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** The backend process id of the listening connection (tests end it to prove the reconnect). */
  backendPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 5_000,
      application_name: "nianbao-listener",
    });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      this.lost(client, error);
    };
    client.on("error", fail);
    client.on("end", () => fail(new Error("listener connection ended")));
    client.on("notification", (n) => {
      if (n.channel === this.options.channel) this.options.onMessage(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.options.channel)}`);
    } catch (error) {
      this.connecting = false;
      fail(error);
      return;
    }
    this.connecting = false;
    if (this.stopped || failed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.live = true;
    this.delay = this.options.initialDelayMs ?? 250;
    this.ping = setInterval(() => {
      client.query("SELECT 1").catch(fail);
    }, this.options.pingMs ?? 15_000);
    this.ping.unref();
    this.options.onUp?.();
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.ping && this.client === client) clearInterval(this.ping);
    const wasCurrent = this.client === client;
    if (wasCurrent) {
      this.client = null;
      this.ping = null;
    }
    void client.end().catch(() => {});
    if (this.stopped) return;
    if (wasCurrent && this.live) {
      this.live = false;
      this.options.onDown?.(error);
    }
    if (this.retry) return;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, this.options.maxDelayMs ?? 10_000);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) void this.connect();
    }, wait);
    this.retry.unref();
  }
}
