import { describe, expect, it } from 'vitest';
import { startupBanner } from './startup-banner.ts';

const demo = { siteId: 'demo', ownerKey: 'lk_demo_abc' };

describe('startupBanner', () => {
  it('in development names the outbox and the room to host with the owner key', () => {
    const text = startupBanner({ env: 'development', smtp: { from: 'x' } }, 'http://localhost:18787', demo);
    expect(text).toContain(
      'Outbox (emails):     http://localhost:18787/dev/outbox  (nothing is sent: no SMTP_URL)',
    );
    expect(text).toContain('Demo site owner key: lk_demo_abc  (site id: demo)');
    expect(text).toContain(
      "Owner console:       http://localhost:18787/owner/?site=demo  (sign in with the site's owner key)",
    );
    expect(text).toContain('Host a live room:    http://localhost:18787/room/ws_demo_live-demo');
  });

  it('says mail also goes out when SMTP is set', () => {
    const text = startupBanner(
      { env: 'development', smtp: { url: 'smtp://x', from: 'x' } },
      'http://h',
      demo,
    );
    expect(text).toContain('http://h/dev/outbox  (also sent through SMTP_URL)');
  });

  it('in production has no outbox and, without the demo, no room line', () => {
    const text = startupBanner({ env: 'production', smtp: { from: 'x' } }, 'https://lectern.example');
    expect(text).not.toContain('outbox');
    expect(text).not.toContain('/room/');
    expect(text).toContain('Lectern is running at https://lectern.example');
    expect(text).toContain('Owner console:       https://lectern.example/owner/  (');
  });
});
