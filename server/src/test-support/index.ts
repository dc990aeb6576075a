// @lectern/server/test-support: what tests and benchmarks outside the server need from it
// (test code only; the server itself never imports this).
// The room page's CSS: the rooms benchmark gives its raw-PeerJS page the same look.
export { ROOM_PAGE_CSS } from '../rooms/room-page.ts';
// Signs a ticket as checkout does, for tests that write the order and ticket rows themselves.
export { TicketSigner } from '../tickets/ticket-signer.ts';
export { FakeStripe } from './fake-stripe.ts';
export type { TestApp } from './test-app.ts';
export { createTestApp } from './test-app.ts';
// A fresh database per test on the cluster `npm run test:pg` started (nothing on SQLite).
export type { TestDatabase } from './test-database.ts';
export { createTestDatabase, onPostgres } from './test-database.ts';
