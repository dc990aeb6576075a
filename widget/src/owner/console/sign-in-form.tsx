import { useState } from 'preact/hooks';
import { ApiError } from '../../api/request.ts';
import { signIn } from '../owner-session.ts';
import type { ConsoleStrings } from './console-strings.ts';

type Props = {
  server: string;
  site: string;
  t: ConsoleStrings;
  /** The heading's id (a dialog is labelled by it) and its level. */
  headingId: string;
  level: number;
  title: string;
  lead: string;
  onSignedIn(): void;
  /** Shown beside "Sign in" (the expired-session dialog offers "Sign out"). */
  extra?: preact.ComponentChildren;
};

/**
 * One message for every refusal: a wrong key, another site's key and an unknown site id look the
 * same to the owner (and to anyone guessing), as the server answers them alike.
 */
function messageFor(err: unknown, t: ConsoleStrings): string {
  if (!(err instanceof ApiError)) return t.failed;
  if (err.status === 401 || err.status === 404 || err.status === 400) return t.wrongKey;
  if (err.status === 429) return t.tooMany;
  if (err.code === 'network') return t.offline;
  return t.failed;
}

/** The owner key → an owner session kept for this tab (owner-session.ts). The key is not kept. */
export function SignInForm({ server, site, t, headingId, level, title, lead, onSignedIn, extra }: Props) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const Heading = `h${level}` as 'h2';

  async function submit(e: Event) {
    e.preventDefault();
    if (!key.trim()) return setError(t.wrongKey);
    setBusy(true);
    setError(null);
    try {
      await signIn({ server, site }, site, key.trim());
      setKey('');
      onSignedIn();
    } catch (err) {
      setError(messageFor(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="sheet sign-in" onSubmit={submit} noValidate>
      <Heading id={headingId}>{title}</Heading>
      <p class="help">{lead}</p>
      <label>
        {t.ownerKey}
        <input
          name="owner-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={key}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${headingId}-error` : undefined}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
        />
      </label>
      {error && (
        <p class="err" id={`${headingId}-error`} role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {extra}
        <button type="submit" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </div>
    </form>
  );
}
