import type { Attendee, SiteSettings } from '@lectern/server/contract';
import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConsoleContext } from '../console-context.ts';
import { AttendeesPanel } from './attendees-panel.tsx';
import { manageStrings } from './manage-strings.ts';
import { Section as RatingsSection } from './ratings-section.tsx';
import { Section as SettingsSection } from './settings-section.tsx';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function until(check: () => boolean) {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  });
}
/** Lets Preact re-render after an event (its updates are batched). */
const rendered = () => new Promise((resolve) => setTimeout(resolve));
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

/** A console context whose `call` answers from `answers` (by method and path) and records calls. */
function fakeConsole(answers: Record<string, (body?: unknown) => unknown>) {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  const ctx: ConsoleContext = {
    server: 'https://lectern.test',
    site: 'site_1',
    locale: 'en',
    level: 2,
    route: { section: 'attendees', params: {} },
    navigate: () => {},
    async call<T>(path: string, init: RequestInit = {}) {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path, body });
      const answer = answers[`${method} ${path}`];
      if (!answer) throw Object.assign(new Error('no'), { code: 'not_found' });
      return answer(body) as T;
    },
  };
  return { ctx, calls };
}

const buyer = (over: Partial<Attendee> = {}): Attendee => ({
  orderId: 'ord_1',
  name: 'Ann',
  email: 'ann@example.org',
  status: 'paid',
  paidAt: '2026-12-01T10:00:00.000Z',
  amount: 3000,
  currency: 'EUR',
  provider: 'dev',
  ticket: 'active',
  joined: true,
  firstJoinedAt: '2026-12-01T11:00:00.000Z',
  secondsInRoom: 1800,
  refundReason: null,
  refundId: null,
  ...over,
});

it('lists attendees and refunds one only after the owner confirms, then shows it refunded', async () => {
  let refunded = false;
  const attendeesPath = '/v1/sites/site_1/owner/workshops/ws_1/attendees';
  const { ctx, calls } = fakeConsole({
    [`GET ${attendeesPath}`]: () => ({
      workshopId: 'ws_1',
      attendees: [
        buyer(refunded ? { status: 'refunded', ticket: 'revoked' } : {}),
        buyer({ orderId: 'ord_2', name: null, email: 'bo@example.org', joined: false, secondsInRoom: 0 }),
      ],
    }),
    'POST /v1/sites/site_1/owner/orders/ord_1/refund': () => {
      refunded = true;
      return { order: {}, emailed: true };
    },
  });
  render(<AttendeesPanel ctx={ctx} workshopId="ws_1" t={manageStrings('en')} />, root);
  await until(() => root.querySelectorAll('tbody tr').length === 2);
  const first = root.querySelector('tr[data-order=ord_1]')!;
  expect(first.textContent).toContain('Ann');
  expect(first.textContent).toContain('€30.00');
  expect(first.textContent).toContain('Joined, 30 min');
  expect(root.querySelector('tr[data-order=ord_2]')!.textContent).toContain('Did not join');

  (first.querySelector('button[aria-label="Refund: Ann"]') as HTMLButtonElement).click();
  await until(() => root.querySelector('dialog') !== null);
  expect(root.querySelector('dialog')!.textContent).toContain('Ann gets €30.00 back in full');
  expect(calls.some((c) => c.method === 'POST')).toBe(false);
  button('Keep the order').click();
  await until(() => root.querySelector('dialog') === null);
  expect(calls.some((c) => c.method === 'POST')).toBe(false);

  (first.querySelector('button[aria-label="Refund: Ann"]') as HTMLButtonElement).click();
  await until(() => root.querySelector('dialog') !== null);
  (root.querySelector('dialog button[type=submit]') as HTMLButtonElement).click();
  await until(() => root.textContent!.includes('Refunded Ann. They have been emailed.'));
  await until(() => root.querySelector('tr[data-order=ord_1]')!.textContent!.includes('ticket revoked'));
  expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
    '/v1/sites/site_1/owner/orders/ord_1/refund',
  ]);
});

it('says why a refund was refused, calmly', async () => {
  const { ctx } = fakeConsole({
    'GET /v1/sites/site_1/owner/workshops/ws_1/attendees': () => ({
      workshopId: 'ws_1',
      attendees: [buyer()],
    }),
  });
  const call = ctx.call;
  ctx.call = async <T,>(path: string, init?: RequestInit) => {
    if (init?.method === 'POST') throw Object.assign(new Error('409'), { code: 'already_refunded' });
    return call<T>(path, init);
  };
  render(<AttendeesPanel ctx={ctx} workshopId="ws_1" t={manageStrings('en')} />, root);
  await until(() => root.querySelector('tbody tr') !== null);
  (root.querySelector('button[aria-label="Resend ticket: Ann"]') as HTMLButtonElement).click();
  await until(() => root.textContent!.includes('This order was already refunded.'));
});

const settings: SiteSettings = {
  id: 'site_1',
  name: 'Blog',
  origins: ['https://blog.example'],
  provider: 'dev',
  paymentMethods: ['card'],
  availablePaymentMethods: ['card', 'alipay', 'wechat_pay'],
  recoSplit: 0.9,
  ratingWeights: { content: 0.4, instructor: 0.3, interactivity: 0.3 },
  model: null,
};

it('blocks weights that do not add up to 1 with an inline error, and saves them when they do', async () => {
  const { ctx, calls } = fakeConsole({
    'GET /v1/sites/site_1/owner/settings': () => settings,
    'PATCH /v1/sites/site_1/owner/settings': (body) => ({ ...settings, ...(body as object) }),
  });
  render(<SettingsSection ctx={{ ...ctx, locale: 'zh-CN' }} />, root);
  await until(() => root.textContent!.includes('满意度权重'));
  const form = root.querySelector('form[aria-labelledby=settings-weights-title]')!;
  const [content] = [...form.querySelectorAll('input')] as HTMLInputElement[];
  content.value = '0.6';
  content.dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => form.textContent!.includes('权重合计为 1.2，必须为 1。'));
  expect(content.getAttribute('aria-invalid')).toBe('true');
  expect((form.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
  content.value = '0.4';
  content.dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => !(form.querySelector('button[type=submit]') as HTMLButtonElement).disabled);
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await until(() => form.textContent!.includes('已保存。'));
  expect(calls.at(-1)).toEqual({
    method: 'PATCH',
    path: '/v1/sites/site_1/owner/settings',
    body: { ratingWeights: { content: 0.4, instructor: 0.3, interactivity: 0.3 } },
  });
});

it('refuses an origin that is not an http(s) origin before asking the server', async () => {
  const { ctx, calls } = fakeConsole({
    'GET /v1/sites/site_1/owner/settings': () => settings,
    'PATCH /v1/sites/site_1': (body) => body,
  });
  render(<SettingsSection ctx={ctx} />, root);
  await until(() => root.textContent!.includes('Origins'));
  const form = root.querySelector('form[aria-labelledby=settings-origins-title]')!;
  const input = form.querySelector('input') as HTMLInputElement;
  input.value = 'blog.example';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await rendered();
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await until(() => form.textContent!.includes('Enter an http(s) origin'));
  expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  input.value = 'https://www.blog.example/path';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await rendered();
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await until(() => form.textContent!.includes('https://www.blog.example'));
  expect(calls.at(-1)).toEqual({
    method: 'PATCH',
    path: '/v1/sites/site_1',
    body: { origins: ['https://blog.example', 'https://www.blog.example'] },
  });
});

it('shows satisfaction and averages per workshop, and comments as text (never HTML)', async () => {
  const { ctx } = fakeConsole({
    'GET /v1/sites/site_1/owner/ratings': () => ({
      weights: { content: 0.4, instructor: 0.3, interactivity: 0.3 },
      overall: { count: 2, averages: { content: 4, instructor: 4.5, interactivity: 3 }, satisfaction: 3.85 },
      workshops: [
        {
          workshopId: 'ws_1',
          title: 'Pasta',
          startsAt: '2026-12-01T10:00:00.000Z',
          count: 2,
          averages: { content: 4, instructor: 4.5, interactivity: 3 },
          satisfaction: 3.85,
          comments: [{ comment: '<img src=x onerror=alert(1)>', createdAt: '2026-12-01T12:00:00.000Z' }],
        },
      ],
    }),
  });
  render(<RatingsSection ctx={{ ...ctx, route: { section: 'ratings', params: {} } }} />, root);
  await until(() => root.textContent!.includes('Pasta'));
  expect(root.textContent).toContain('Satisfaction3.85 / 5 (2 ratings)');
  expect(root.textContent).toContain('Instructor 4.50');
  expect(root.querySelector('img')).toBeNull();
  expect(root.querySelector('.comments li')!.textContent).toBe('<img src=x onerror=alert(1)>');
});

it('says there are no ratings yet instead of zeros, and offers to try again after a failure', async () => {
  let fail = true;
  const { ctx } = fakeConsole({
    'GET /v1/sites/site_1/owner/ratings': () => {
      if (fail) throw new Error('down');
      return { weights: {}, overall: { count: 0, averages: null, satisfaction: null }, workshops: [] };
    },
  });
  render(<RatingsSection ctx={ctx} />, root);
  await until(() => root.textContent!.includes('This could not be loaded right now.'));
  fail = false;
  button('Try again').click();
  await until(() => root.textContent!.includes('No ratings yet'));
  expect(root.textContent).not.toContain('0.00');
});
