import type { RoomStrings } from '../i18n/room-strings.ts';

type Props = {
  s: RoomStrings;
  /** No owner session in this tab yet: ask for the owner key. */
  needsKey: boolean;
  ownerKey: string;
  onKey(key: string): void;
  busy: boolean;
  onStart(): void;
};

/** The host's way in: the owner key (unless this tab holds a session) and "Start the room". */
export function HostGate({ s, needsKey, ownerKey, onKey, busy, onStart }: Props) {
  return (
    <form
      class="gate"
      onSubmit={(e) => {
        e.preventDefault();
        onStart();
      }}
    >
      {needsKey ? (
        <label>
          {s.ownerKey}{' '}
          <input
            name="owner-key"
            type="password"
            autoComplete="off"
            value={ownerKey}
            onInput={(e) => onKey((e.target as HTMLInputElement).value)}
          />
        </label>
      ) : null}
      <button type="submit" class="primary" disabled={busy}>
        {s.start}
      </button>
    </form>
  );
}
