import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paidTicket } from '../rooms/test-tickets.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { readerLocale } from './reader-page.ts';

let t: TestApp;
let site: Awaited<ReturnType<TestApp['site']>>;
let workshopId: string;

beforeEach(async () => {
  t = await createTestApp();
  site = await t.site();
  const w = await publishedWorkshop(t, site.id, {
    title: 'Pasta <b>fresca</b>',
    language: 'it',
    timeZone: 'Europe/Rome',
    startsAt: '2030-03-01T17:00:00Z',
  });
  workshopId = w.id;
});
afterEach(async () => {
  await t.close();
});

describe('readerLocale', () => {
  it('takes the first language we speak by the reader’s preference, else English', () => {
    expect(readerLocale('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(readerLocale('fr-FR,en;q=0.5,zh;q=0.4')).toBe('en');
    expect(readerLocale('en;q=0.2,zh-CN;q=0.9')).toBe('zh-CN');
    expect(readerLocale('de, *;q=0.1')).toBe('en');
    expect(readerLocale('zh;q=0')).toBe('en');
    expect(readerLocale(undefined)).toBe('en');
  });
});

describe('GET /t/:token', () => {
  it("speaks the reader's language and marks the start for /local-time.js, the host's zone meanwhile", async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    const res = await t.app.request(`/t/${token}`, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('你的门票');
    expect(html).toContain('进入直播间');
    expect(html).toContain('<h1 lang="it">Pasta &lt;b&gt;fresca&lt;/b&gt;</h1>');
    expect(html).toContain('<time datetime="2030-03-01T17:00:00.000Z" data-host-zone="Europe/Rome"');
    expect(html).toContain('<script src="/local-time.js"></script>');

    const en = await (await t.app.request(`/t/${token}`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Join the live room');
    const bad = await t.app.request('/t/nope', { headers: { 'Accept-Language': 'zh' } });
    expect(bad.status).toBe(404);
    expect(await bad.text()).toContain('这张门票无效');
  });

  it('says the host ended the workshop instead of offering to join', async () => {
    const { token } = await paidTicket(t.deps, site.id, workshopId);
    await t.deps.rooms.end(workshopId, site.id);
    const html = await (await t.app.request(`/t/${token}`)).text();
    expect(html).toContain('The host has ended this workshop.');
    expect(html).not.toContain('Join the live room');
  });

  it('serves /local-time.js as JavaScript', async () => {
    const res = await t.app.request('/local-time.js');
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toContain("querySelectorAll('time[data-host-zone]')");
  });
});

describe('GET /room/:workshop', () => {
  it('names the site, the workshop (in its language) and its time, in the reader’s language', async () => {
    const res = await t.app.request(`/room/${workshopId}`, { headers: { 'Accept-Language': 'zh-CN' } });
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<p class="site">Test blog</p>');
    expect(html).toContain('<h1 lang="it">Pasta &lt;b&gt;fresca&lt;/b&gt;</h1>');
    expect(html).toContain('data-host-zone="Europe/Rome"');
    expect(html).toContain('主讲：Gio');
    expect(html).toContain('<script src="/local-time.js"></script>');
    const missing = await t.app.request('/room/ws_nope', { headers: { 'Accept-Language': 'zh' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('找不到这个工作坊');
  });
});
