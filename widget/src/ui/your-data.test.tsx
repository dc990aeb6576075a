import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { OrderView, PublicWorkshop } from '../api/client.ts';
import { configureLog, flush, readHistory, track, uploadOptedOut } from '../log/index.ts';
import { listTickets, saveTicket } from '../tickets/ticket-store.ts';
import { YourData } from './your-data.tsx';

let root: HTMLElement;
const noUpload = (async () => new Response('{}', { status: 503 })) as typeof fetch;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  root = document.createElement('div');
  document.body.append(root);
  configureLog({ site: 'demo', server: 'https://lectern.test', fetch: noUpload });
  track('page_view');
  track('page_view');
  track('workshop_click', { workshop: 'ws_1' });
  await flush();
});
afterEach(() => {
  render(null, root);
  root.remove();
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });
});

async function until(check: () => boolean) {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  });
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

it('shows counts by type, the anonymous id, and the sharing choice', async () => {
  render(<YourData site="demo" locale="en" />, root);
  await until(() => root.textContent!.includes('Stored events: 3'));
  expect(root.querySelector('[data-type="page_view"]')!.textContent).toBe('Pages viewed2');
  expect(root.querySelector('[data-type="workshop_click"]')!.textContent).toBe('Workshops opened1');
  const anon = (await readHistory('demo'))[0].anon;
  expect(root.querySelector('code')!.textContent).toBe(anon);
  const box = root.querySelector('input[type="checkbox"]') as HTMLInputElement;
  expect(box.checked).toBe(true);

  box.checked = false;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => root.textContent!.includes('Nothing is sent'));
  expect(await uploadOptedOut()).toBe(true);
});

it('exports the data as a JSON download', async () => {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => {
    blobs.push(b);
    return 'blob:lectern';
  });
  URL.revokeObjectURL = vi.fn();
  render(<YourData site="demo" locale="en" />, root);
  await until(() => !!button('Export as JSON (log and tickets)'));
  button('Export as JSON (log and tickets)').click();
  await until(() => blobs.length === 1);
  const data = JSON.parse(await blobs[0].text());
  expect(data.events.map((e: { type: string }) => e.type)).toEqual([
    'page_view',
    'page_view',
    'workshop_click',
  ]);
  expect(blobs[0].type).toBe('application/json');
});

it('deletes only after confirmation', async () => {
  render(<YourData site="demo" locale="en" />, root);
  await until(() => !!button('Delete my data'));
  button('Delete my data').click();
  await until(() => !!button('Cancel'));
  button('Cancel').click();
  await until(() => !!button('Delete my data'));
  expect(await readHistory('demo')).toHaveLength(3);

  button('Delete my data').click();
  await until(() => !!button('Yes, delete'));
  button('Yes, delete').click();
  await until(() => root.textContent!.includes('Nothing is stored yet.'));
  expect(await readHistory('demo')).toEqual([]);
  expect(root.textContent).toContain('Deleted.');
});

it('speaks Simplified Chinese and explains a browser privacy signal', async () => {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
  render(<YourData site="demo" locale="zh-CN" />, root);
  await until(() => root.textContent!.includes('本设备上的你的数据'));
  expect(root.textContent).toContain('浏览的页面');
  expect(root.textContent).toContain('全球隐私控制');
  expect((root.querySelector('input[type="checkbox"]') as HTMLInputElement).disabled).toBe(true);
});

async function keepTicket() {
  const order = {
    id: 'ord_1',
    workshopId: 'ws_1',
    siteId: 'demo',
    ticket: { token: 'tok', url: 'https://lectern.test/t/tok', icsUrl: 'https://lectern.test/t/tok.ics' },
  } as OrderView;
  const workshop = {
    title: 'Sourdough',
    hostName: 'Maya',
    startsAt: '2030-01-01T10:00:00Z',
    endsAt: '2030-01-01T11:00:00Z',
    timeZone: 'Europe/London',
  } as PublicWorkshop;
  await saveTicket(order, workshop);
}

it('says the tickets are part of "everything": the export holds them and delete removes them', async () => {
  await keepTicket();
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => {
    blobs.push(b);
    return 'blob:lectern';
  });
  URL.revokeObjectURL = vi.fn();
  const onDeleted = vi.fn();
  render(<YourData site="demo" locale="en" onDeleted={onDeleted} />, root);
  await until(() => root.textContent!.includes('Tickets saved here: 1'));
  button('Export as JSON (log and tickets)').click();
  await until(() => blobs.length === 1);
  const data = JSON.parse(await blobs[0].text());
  expect(data.tickets.map((t: { orderId: string; token: string }) => [t.orderId, t.token])).toEqual([
    ['ord_1', 'tok'],
  ]);

  expect(button('Delete my data').className).toBe('danger');
  button('Delete my data').click();
  await until(() => !!button('Yes, delete'));
  expect(root.textContent).toContain('anonymous ids and the ticket saved here?');
  expect(button('Yes, delete').className).toBe('danger');
  button('Yes, delete').click();
  await until(() => root.textContent!.includes('Tickets saved here: 0'));
  expect(await listTickets('demo')).toEqual([]);
  expect(await readHistory('demo')).toEqual([]);
  expect(onDeleted).toHaveBeenCalled();
});
