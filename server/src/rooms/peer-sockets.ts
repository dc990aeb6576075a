import type { IClient } from 'peer';

/**
 * The signalling server's open sockets, by peer id. The signalling server (signalling.ts) adds and
 * drops them as PeerJS registers and loses clients; the room service closes one when its pass
 * stops opening the room (superseded by another device, removed, refunded, room ended).
 */
export class PeerSockets {
  private readonly clients = new Map<string, IClient>();

  opened(client: IClient): void {
    this.clients.set(client.getId(), client);
  }

  /** False when the id is held by a newer client (a reconnect), whose socket stays. */
  lost(client: IClient): boolean {
    if (this.clients.get(client.getId()) !== client) return false;
    this.clients.delete(client.getId());
    return true;
  }

  /** The peer ids whose sockets this process holds. */
  ids(): string[] {
    return [...this.clients.keys()];
  }

  /** Whether a socket of this peer id is open (a reconnect may have replaced the one that closed). */
  isOpen(peerId: string): boolean {
    return this.clients.has(peerId);
  }

  /** Closes the peer's WebSocket (4001); its later `lost` is then ignored. */
  close(peerId: string): void {
    this.clients.get(peerId)?.getSocket()?.close(4001, 'superseded');
    this.clients.delete(peerId);
  }
}
