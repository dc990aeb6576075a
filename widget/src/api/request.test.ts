import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from './request.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const answer = (status: number, body: unknown) =>
  vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );

describe('request', () => {
  it('on an unregistered origin tells the developer, once, which origin to register and how', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      answer(403, {
        error: {
          code: 'origin_not_allowed',
          message: `Origin ${location.origin} is not registered for this site`,
        },
      }),
    );
    const to = { server: 'https://lectern.example', site: 'site_abc' };
    await expect(request(to, '/v1/sites/site_abc/workshops')).rejects.toMatchObject({
      status: 403,
      code: 'origin_not_allowed',
    });
    await expect(request(to, '/v1/sites/site_abc/model')).rejects.toBeInstanceOf(ApiError);
    expect(error).toHaveBeenCalledTimes(1);
    const [message] = error.mock.calls[0];
    expect(message).toContain(`its origin ${location.origin} is not registered for site "site_abc"`);
    expect(message).toContain(`npx lectern site origins add --site site_abc --origin ${location.origin}`);
  });

  it('logs nothing by default for other refusals (they are lectern:error events)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubGlobal('fetch', answer(404, { error: { code: 'not_found', message: 'Site not found' } }));
    await expect(
      request({ server: 'https://lectern.example' }, '/v1/sites/x/workshops'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(error).not.toHaveBeenCalled();
  });
});
