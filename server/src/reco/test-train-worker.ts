/**
 * Test double of train-worker.ts: trains for real, but first does what the test asks through the
 * environment it started with — spins (blocking its thread, as a long training does) until the
 * file `LECTERN_TEST_TRAIN_RELEASE` exists, or crashes (`LECTERN_TEST_TRAIN_CRASH`) or throws
 * (`LECTERN_TEST_TRAIN_THROW`) when a job names that item.
 */
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { trainReply } from './train-reply.ts';
import type { TrainRequest } from './worker-trainer.ts';

const port = parentPort!;
const {
  LECTERN_TEST_TRAIN_RELEASE: release,
  LECTERN_TEST_TRAIN_CRASH: crash,
  LECTERN_TEST_TRAIN_THROW: fail,
} = process.env;
port.on('message', (request: TrainRequest) => {
  if (release) while (!existsSync(release));
  if (crash && request.job.items.includes(crash)) process.exit(3);
  if (fail && request.job.items.includes(fail)) throw new Error('the worker broke');
  port.postMessage(trainReply(request));
});
