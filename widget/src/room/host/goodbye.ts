import type { DataConnection } from 'peerjs';
import type { HostMessage } from '../room-protocol.ts';

/** Says goodbye to a connection the host does not keep, once it can hear it, then cuts it. */
export function sayBye(conn: DataConnection, reason: 'superseded' | 'full'): void {
  const send = () => {
    conn.send({ t: 'bye', reason } satisfies HostMessage);
    setTimeout(() => conn.close(), 200);
  };
  if (conn.open) send();
  else conn.on('open', send);
}
