import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createLogger } from '../log.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { publishedWorkshop } from '../test-support/workshops.ts';
import { RecoService } from './reco-service.ts';
import { pack, unpack, WorkerTrainer } from './worker-trainer.ts';

const FIXTURE = new URL('./test-train-worker.ts', import.meta.url);
const ENV = ['LECTERN_TEST_TRAIN_RELEASE', 'LECTERN_TEST_TRAIN_CRASH', 'LECTERN_TEST_TRAIN_THROW'];
let t: TestApp;
let trainer: WorkerTrainer;
beforeEach(async () => {
  t = await createTestApp({ LECTERN_RECO_RETRAIN_EVENTS: '0' });
  trainer = new WorkerTrainer(FIXTURE);
});
afterEach(async () => {
  for (const name of ENV) delete process.env[name];
  await trainer.close();
  await t.close();
});

function service() {
  const log = createLogger('silent');
  return {
    log,
    reco: new RecoService(
      t.deps.db,
      log,
      t.deps.now,
      { afterEvents: 0, minIntervalMs: 0 },
      undefined,
      trainer.train,
    ),
  };
}

it('keeps answering requests while a site’s model trains', async () => {
  // The worker blocks its thread until this file exists: were training on the event loop, the
  // request below could never be answered and the test would time out.
  const release = join(tmpdir(), `lectern-train-${randomUUID()}`);
  process.env.LECTERN_TEST_TRAIN_RELEASE = release;
  const site = await t.site();
  await publishedWorkshop(t, site.id);
  const { reco } = service();
  const order: string[] = [];
  const training = reco.train(site.id).then((model) => {
    order.push('trained');
    return model;
  });
  const res = await t.app.request(`/v1/sites/${site.id}/workshops`);
  order.push(`answered ${res.status}`);
  writeFileSync(release, '');
  const model = await training;
  expect(order).toEqual(['answered 200', 'trained']);
  expect(await reco.latest(site.id)).toMatchObject({ version: model.version, source: 'cold-start' });
});

it('a training error or a crashed worker leaves the previous model, and the next training works', async () => {
  const site = await t.site();
  const first = await publishedWorkshop(t, site.id, { title: 'First' });
  const { reco, log } = service();
  const previous = await reco.train(site.id);
  const logged = vi.spyOn(log, 'error');

  const broken = await publishedWorkshop(t, site.id, { title: 'Breaks the worker' });
  process.env.LECTERN_TEST_TRAIN_THROW = `w:${broken.id}`;
  await trainer.close(); // the next job starts a worker with this environment
  await expect(reco.train(site.id)).rejects.toThrow('the worker broke');
  expect(await reco.latest(site.id)).toMatchObject({ version: previous.version });

  delete process.env.LECTERN_TEST_TRAIN_THROW;
  process.env.LECTERN_TEST_TRAIN_CRASH = `w:${broken.id}`;
  await trainer.close();
  await expect(reco.train(site.id)).rejects.toThrow('exited with code 3');
  expect(await reco.latest(site.id)).toMatchObject({ version: previous.version });

  delete process.env.LECTERN_TEST_TRAIN_CRASH;
  const next = await reco.train(site.id);
  expect(next.version).not.toBe(previous.version);
  expect(next.meta.items).toEqual(expect.arrayContaining([`w:${first.id}`, `w:${broken.id}`]));
  expect(logged.mock.calls.map(([, message]) => message)).toEqual([
    'recommendation model training failed',
    'recommendation model training failed',
  ]);
});

it('hands the sequences to the worker as numbers and gets the same sequences back', () => {
  const job = {
    sequences: [['w:a', 'p:/x', 'w:b'], [], ['w:b'], ['w:a', 'w:a']],
    items: ['w:a', 'w:b', 'w:c'],
    side: [['w:a', ['tag:art']]] as [string, string[]][],
    k: 3,
    maxEaseItems: 1000,
  };
  const packed = pack(job);
  expect([...packed.lengths]).toEqual([3, 0, 1, 2]);
  expect(packed.names).toEqual(['w:a', 'p:/x', 'w:b']);
  expect(unpack(structuredClone(packed))).toEqual(job);
});
