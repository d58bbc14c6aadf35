import { GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';

/** Close codes of the graphql-transport-ws protocol, and the ones it leaves to servers (4403 for a token that ran out). */
export const CLOSE = {
  badRequest: 4400,
  forbidden: 4403,
  initTimeout: 4408,
  duplicateId: 4409,
  tooMany: 4429,
} as const;

/** setTimeout's longest delay; a token living longer is looked at again when it fires. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface SocketLimits {
  socketsPerUser: number;
  subscriptionsPerSocket: number;
  initTimeoutMs: number;
}

/** One authenticated WebSocket: whose it is, until when its token holds, the operations it runs. */
export class SubscriberSocket {
  private readonly operations = new Set<string>();
  private expiry?: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    readonly userId: string,
    private readonly expiresAt: number,
    private readonly maxOperations: number,
  ) {
    this.watchExpiry();
  }

  /** Throws when this socket may not start operation `id` now; the socket is closed where the protocol says so. */
  mayStart(id: unknown): asserts id is string {
    if (typeof id !== 'string' || !id) this.refuse(CLOSE.badRequest, 'Invalid subscribe message: the id must be a string');
    if (Date.now() >= this.expiresAt) this.refuse(CLOSE.forbidden, 'Forbidden: the token has expired');
    if (this.operations.has(id)) this.refuse(CLOSE.duplicateId, `Subscriber for ${id.slice(0, 64)} already exists`);
    if (this.operations.size >= this.maxOperations) {
      throw new GraphQLError(`this socket already holds ${this.operations.size} subscriptions; at most ${this.maxOperations} are accepted`, {
        extensions: { code: 'BAD_USER_INPUT', limit: 'subscriptionsPerSocket' },
      });
    }
  }

  started(id: string): void {
    this.operations.add(id);
  }

  /** Whether operation `id` was checked and started here (a document sent as a parsed tree skips the checks). */
  runs(id: unknown): boolean {
    return typeof id === 'string' && this.operations.has(id);
  }

  /** The client completed the operation: its place is free again. */
  ended(id: unknown): void {
    if (typeof id === 'string') this.operations.delete(id);
  }

  /** Closes the socket with a protocol code and refuses the message at hand. */
  refuse(code: number, reason: string): never {
    this.socket.close(code, reason);
    throw new GraphQLError(reason, { extensions: { code: code === CLOSE.forbidden ? 'UNAUTHENTICATED' : 'BAD_USER_INPUT' } });
  }

  closed(): void {
    clearTimeout(this.expiry);
  }

  private watchExpiry(): void {
    const left = this.expiresAt - Date.now();
    this.expiry = setTimeout(() => {
      if (Date.now() >= this.expiresAt) this.socket.close(CLOSE.forbidden, 'Forbidden: the token has expired');
      else this.watchExpiry();
    }, Math.min(Math.max(left, 0), LONGEST_TIMER_MS));
    this.expiry.unref();
  }
}

/** Every WebSocket of the GraphQL endpoint: the time each has to authenticate, and the sockets of each user. */
export class SubscriberSockets {
  private readonly byUser = new Map<string, Set<SubscriberSocket>>();
  private readonly admitted = new WeakSet<WebSocket>();
  private readonly awaitingInit = new WeakMap<WebSocket, NodeJS.Timeout>();

  constructor(private readonly limits: SocketLimits) {}

  /** A socket just opened: it is closed unless it sends connection_init in time. */
  opened(socket: WebSocket): void {
    const timer = setTimeout(() => socket.close(CLOSE.initTimeout, 'Connection initialisation timeout'), this.limits.initTimeoutMs);
    timer.unref();
    this.awaitingInit.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  }

  /** A socket whose connection_init carried a valid token: its session, or why it was closed. */
  admit(socket: WebSocket, userId: string, expiresAt: number): SubscriberSocket | { refused: string } {
    clearTimeout(this.awaitingInit.get(socket));
    if (socket.readyState !== socket.OPEN) return { refused: 'the socket closed while its token was checked' };
    if (this.admitted.has(socket)) return this.refuse(socket, 'Too many initialisation requests');
    const mine = this.byUser.get(userId) ?? new Set<SubscriberSocket>();
    if (mine.size >= this.limits.socketsPerUser) return this.refuse(socket, `Too many sockets: at most ${this.limits.socketsPerUser} per user`);
    const subscriber = new SubscriberSocket(socket, userId, expiresAt, this.limits.subscriptionsPerSocket);
    this.admitted.add(socket);
    mine.add(subscriber);
    this.byUser.set(userId, mine);
    socket.once('close', () => {
      subscriber.closed();
      mine.delete(subscriber);
      if (mine.size === 0 && this.byUser.get(userId) === mine) this.byUser.delete(userId);
    });
    return subscriber;
  }

  private refuse(socket: WebSocket, reason: string): { refused: string } {
    socket.close(CLOSE.tooMany, reason);
    return { refused: reason };
  }
}
