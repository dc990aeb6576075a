import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'lectern-config-'));

describe('loadConfig', () => {
  it('selects PostgreSQL only for a postgres:// URL, and SQLite without one', () => {
    expect(loadConfig({ LECTERN_DATA_DIR: dir() }).databaseUrl).toBeUndefined();
    const url = 'postgres://lectern@db.internal:5432/lectern';
    expect(loadConfig({ LECTERN_DATA_DIR: dir(), LECTERN_DATABASE_URL: url })).toMatchObject({
      databaseUrl: url,
      databasePoolSize: 10,
    });
    expect(() => loadConfig({ LECTERN_DATA_DIR: dir(), LECTERN_DATABASE_URL: 'mysql://x/y' })).toThrow(
      /LECTERN_DATABASE_URL must be a PostgreSQL URL/,
    );
    expect(() => loadConfig({ LECTERN_DATA_DIR: dir(), LECTERN_DATABASE_POOL_SIZE: '0' })).toThrow(
      /LECTERN_DATABASE_POOL_SIZE must be at least 1/,
    );
  });

  it('stops production without a secret, naming the variable', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        LECTERN_DATA_DIR: dir(),
        LECTERN_PUBLIC_URL: 'https://x.example',
        STRIPE_SECRET_KEY: 'sk',
        STRIPE_WEBHOOK_SECRET: 'wh',
      }),
    ).toThrow(/LECTERN_SECRET/);
  });

  it('refuses dev payments in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        LECTERN_DATA_DIR: dir(),
        LECTERN_PUBLIC_URL: 'https://x.example',
        LECTERN_SECRET: 'x'.repeat(40),
      }),
    ).toThrow(/LECTERN_PAYMENTS=dev is refused/);
  });

  it('requires the webhook secret with Stripe', () => {
    expect(() => loadConfig({ LECTERN_DATA_DIR: dir(), STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(
      /STRIPE_WEBHOOK_SECRET/,
    );
  });

  it('generates a development secret once and keeps it in the data dir', () => {
    const dataDir = dir();
    const a = loadConfig({ LECTERN_DATA_DIR: dataDir });
    const b = loadConfig({ LECTERN_DATA_DIR: dataDir });
    expect(a.secret).toHaveLength(43);
    expect(b.secret).toBe(a.secret);
    expect(readFileSync(path.join(dataDir, 'secret'), 'utf8').trim()).toBe(a.secret);
    expect(a).toMatchObject({
      port: 8787,
      publicUrl: 'http://localhost:8787',
      payments: 'dev',
      seedDemo: true,
    });
  });

  it('rejects a malformed number', () => {
    expect(() => loadConfig({ LECTERN_DATA_DIR: dir(), PORT: 'eighty' })).toThrow(/PORT must be/);
    expect(() =>
      loadConfig({ LECTERN_DATA_DIR: dir(), LECTERN_RECO_RETRAIN_INTERVAL_SECONDS: '-5' }),
    ).toThrow(/LECTERN_RECO_RETRAIN_INTERVAL_SECONDS must be a non-negative integer/);
    expect(loadConfig({ LECTERN_DATA_DIR: dir() }).recoRetrainIntervalSeconds).toBe(900);
  });
});
