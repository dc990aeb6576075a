import { ApiError, request, type ServerOrigin } from '../../api/request.ts';
import { currentSession, signOut } from '../owner-session.ts';

type Waiter = { resolve(): void; reject(err: unknown): void };

/** The server no longer takes this tab's session: expired, invalid, or from another site. */
const sessionRefused = (err: unknown) =>
  err instanceof ApiError && (err.status === 401 || (err.status === 403 && err.code === 'forbidden'));

/**
 * The console's owner-authenticated calls. When the session is missing or the server refuses it,
 * the call waits (it does not fail) while the shell asks for the key again, then retries; every
 * call that hit the refusal meanwhile waits for the same sign-in.
 */
export class SessionGate {
  private waiting: Waiter[] = [];

  constructor(
    private readonly to: ServerOrigin & { site: string },
    /** Called once per refusal: the shell shows its sign-in over the section. */
    private readonly onSessionEnded: () => void,
  ) {}

  readonly call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    for (;;) {
      const session = currentSession(this.to.site);
      if (session) {
        try {
          return await request<T>(this.to, path, { ...init, bearer: session.token });
        } catch (err) {
          if (!sessionRefused(err)) throw err;
          signOut(this.to.site);
        }
      }
      await this.waitForSignIn();
    }
  };

  /** A new session is kept: the waiting calls retry. */
  signedIn(): void {
    for (const w of this.take()) w.resolve();
  }

  /** The owner signed out instead: the waiting calls fail as unauthorized. */
  signedOut(): void {
    const err = new ApiError(401, 'unauthorized', 'Signed out');
    for (const w of this.take()) w.reject(err);
  }

  private waitForSignIn(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (this.waiting.length === 1) this.onSessionEnded();
    });
  }

  private take(): Waiter[] {
    const waiting = this.waiting;
    this.waiting = [];
    return waiting;
  }
}
