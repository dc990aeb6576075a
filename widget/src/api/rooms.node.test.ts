import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './request.ts';
import { RoomApi, RoomApiError, roomErrorType } from './rooms.ts';

let fetchMock: ReturnType<typeof vi.fn>;
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const refusal = (status: number, code: string, details?: unknown) =>
  answer(status, { error: { code, message: `refused: ${code}`, details } });

beforeEach(() => {
  fetchMock = vi.fn(async () => answer(200, { ok: true }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const api = new RoomApi('https://lectern.test', 'ws 1');

describe('RoomApi', () => {
  it('calls the room endpoints with the pass or owner session as bearer', async () => {
    await api.joinAsLearner('tk_1', 'Ada');
    await api.status({ peerId: 'p1', token: 't1' });
    await api.remove('owner-session', 'p2');
    const [[joinUrl, join], [statusUrl, status], [removeUrl, remove]] = fetchMock.mock.calls;
    expect(joinUrl).toBe('https://lectern.test/v1/rooms/ws%201/join');
    expect(join.method).toBe('POST');
    expect(JSON.parse(join.body)).toEqual({ ticket: 'tk_1', name: 'Ada' });
    expect(join.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(statusUrl).toBe('https://lectern.test/v1/rooms/ws%201/status');
    expect(status.headers).toEqual({ Authorization: 'Bearer p1~t1' });
    expect(removeUrl).toBe('https://lectern.test/v1/rooms/ws%201/remove');
    expect(remove.headers).toMatchObject({ Authorization: 'Bearer owner-session' });
    expect(JSON.parse(remove.body)).toEqual({ peerId: 'p2' });
  });

  it('fails with the room error type and keeps the server details', async () => {
    fetchMock.mockResolvedValueOnce(refusal(403, 'room_closed', { reason: 'not_open_yet', opensAt: 'x' }));
    const err = await api.joinAsLearner('tk_1').catch((e) => e);
    expect(err).toBeInstanceOf(RoomApiError);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ type: 'room_closed', status: 403, details: { reason: 'not_open_yet' } });
  });

  it('reports no answer at all as network', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const err = await api.end('s').catch((e) => e);
    expect(err).toMatchObject({ type: 'network', status: 0, code: 'network' });
  });
});

describe('roomErrorType', () => {
  it.each([
    [new ApiError(409, 'conflict', '', { reason: 'room_full' }), 'room_full'],
    [new ApiError(401, 'unauthorized', ''), 'not_allowed'],
    [new ApiError(403, 'forbidden', ''), 'not_allowed'],
    [new ApiError(500, 'internal', ''), 'network'],
    [new ApiError(0, 'network', ''), 'network'],
  ])('%o → %s', (err, type) => {
    expect(roomErrorType(err)).toBe(type);
  });
});
