/**
 * Who is connected to the signalling server right now, per room. In memory: `/peerjs` needs
 * sticky routing anyway (a PeerJS client's WebSocket lives on one replica).
 */
export class RoomPresence {
  private online = new Map<string, { workshopId: string; role: 'host' | 'learner'; since: number }>();

  connected(peerId: string, workshopId: string, role: 'host' | 'learner', now: number): void {
    this.online.set(peerId, { workshopId, role, since: now });
  }

  disconnected(peerId: string): void {
    this.online.delete(peerId);
  }

  isOnline(peerId: string): boolean {
    return this.online.has(peerId);
  }

  /** The most recently connected host of the room: after a reload the new id replaces the old one. */
  hostOf(workshopId: string): string | null {
    let best: { id: string; since: number } | null = null;
    for (const [id, p] of this.online) {
      if (p.workshopId === workshopId && p.role === 'host' && (!best || p.since >= best.since)) {
        best = { id, since: p.since };
      }
    }
    return best?.id ?? null;
  }

  learnersOnline(workshopId: string): string[] {
    return [...this.online]
      .filter(([, p]) => p.workshopId === workshopId && p.role === 'learner')
      .map(([id]) => id);
  }
}
