/**
 * Where a learner's ticket comes from: the `#ticket=` fragment of the link on the ticket page
 * (never sent to any server), else the tickets the widget stored on this device (IndexedDB
 * `lectern-tickets`, written by the workshops UI after checkout).
 */
export async function findTicket(workshopId: string, hash = location.hash): Promise<string | null> {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('ticket');
  if (fromHash) return fromHash;
  return storedTicket(workshopId).catch(() => null);
}

type StoredTicket = { token?: string; ticket?: string; workshopId?: string; workshop?: string };

function storedTicket(workshopId: string): Promise<string | null> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const open = indexedDB.open('lectern-tickets');
    // No database yet: do not create one (the UI that owns it decides its schema).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      if (!names.length) {
        db.close();
        return resolve(null);
      }
      const req = db.transaction(names[0], 'readonly').objectStore(names[0]).getAll();
      req.onerror = () => resolve(null);
      req.onsuccess = () => {
        db.close();
        const rows = req.result as StoredTicket[];
        const row = rows.reverse().find((r) => (r.workshopId ?? r.workshop) === workshopId);
        resolve(row?.token ?? row?.ticket ?? null);
      };
    };
  });
}
