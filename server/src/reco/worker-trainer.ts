import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelMeta } from '@lectern/model';

/** Everything `trainRecommender` needs, in a form a worker can receive (structured clone). */
export type TrainJob = {
  sequences: string[][];
  items: string[];
  side: [string, string[]][];
  k: number;
  maxEaseItems: number;
};

export type TrainResult = { onnx: Uint8Array; meta: ModelMeta };

/** Trains a model from a job; the server's default runs it in a worker thread. */
export type Trainer = (job: TrainJob) => Promise<TrainResult>;

/**
 * A job as posted to the worker: the sequences as item numbers in two transferable arrays (a
 * structured clone of a million-event site's 54,000 string arrays took 0.1–0.5 s of the main
 * thread), `names` giving each number's item key.
 */
export type PackedJob = Omit<TrainJob, 'sequences'> & {
  names: string[];
  lengths: Int32Array<ArrayBuffer>;
  flat: Int32Array<ArrayBuffer>;
};

/** Main thread → worker, and back (train-worker.ts). */
export type TrainRequest = { id: number; job: PackedJob };
export type TrainReply = { id: number; result?: TrainResult; error?: string };

export const TRAIN_WORKER = new URL('./train-worker.ts', import.meta.url);

/**
 * Runs training jobs in a worker thread, one at a time per process (each job waits for the one
 * before it): a big site's retrain takes one core for seconds, never the event loop, and two
 * sites retraining together leave the other core to the requests. The worker starts with the
 * first job and stays (tsx compiles the model once); idle, it never keeps the process alive. A job that
 * throws rejects alone; a worker that crashes or exits rejects its job and is started afresh
 * for the next one.
 */
export class WorkerTrainer {
  private queue: Promise<unknown> = Promise.resolve();
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly script: URL = TRAIN_WORKER) {}

  readonly train: Trainer = (job) => {
    const run = this.queue.then(() => this.runOne(job));
    this.queue = run.catch(() => undefined);
    return run;
  };

  private runOne(job: TrainJob): Promise<TrainResult> {
    const worker = this.started();
    const id = this.nextId++;
    // While a job runs the worker keeps the process alive (`lectern reco train`); idle, it never does.
    worker.ref();
    return new Promise<TrainResult>((resolve, reject) => {
      const onMessage = (reply: TrainReply) => {
        if (reply.id !== id) return;
        done();
        if (reply.result) resolve(reply.result);
        else reject(new Error(`model training failed: ${reply.error}`));
      };
      const onError = (err: Error) => {
        done();
        reject(err);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`training worker exited with code ${code} before the model was ready`));
      };
      const done = () => {
        worker.unref();
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const packed = pack(job);
      worker.postMessage({ id, job: packed } satisfies TrainRequest, [
        packed.lengths.buffer,
        packed.flat.buffer,
      ]);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(bootstrap(this.script), { eval: true });
    worker.unref();
    // Whatever ends it (crash, error, `close`), the next job starts a new one.
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  /** Stops the worker (a job still running is rejected). */
  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/**
 * The worker's bootstrap. The server runs from TypeScript source (`tsx src/main.ts`, Vitest), and
 * on Node 20 a worker thread does not inherit the parent's module hooks (`--import tsx` in the
 * worker's `execArgv` is ignored too): the worker registers tsx's ESM hooks itself, then imports
 * the TypeScript entry.
 */
function bootstrap(script: URL): string {
  return [
    `import(${JSON.stringify(tsxEsmApi().href)})`,
    `  .then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`,
    '  .catch((err) => { throw err; });',
  ].join('\n');
}

/** tsx's ESM API (`tsx/esm/api`, its `import` entry: the `require` one cannot register hooks). */
function tsxEsmApi(): URL {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8'));
  return new URL(exports['./esm/api'].import.default, pathToFileURL(manifest));
}

export function pack({ sequences, ...rest }: TrainJob): PackedJob {
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const lengths = new Int32Array(sequences.length);
  const flat = new Int32Array(sequences.reduce((n, seq) => n + seq.length, 0));
  let at = 0;
  sequences.forEach((seq, i) => {
    lengths[i] = seq.length;
    for (const key of seq) {
      let n = numbers.get(key);
      if (n === undefined) {
        n = names.length;
        numbers.set(key, n);
        names.push(key);
      }
      flat[at++] = n;
    }
  });
  return { ...rest, names, lengths, flat };
}

export function unpack({ names, lengths, flat, ...rest }: PackedJob): TrainJob {
  let at = 0;
  const sequences = Array.from(lengths, (length) => {
    const seq = Array.from(flat.subarray(at, at + length), (n) => names[n]);
    at += length;
    return seq;
  });
  return { ...rest, sequences };
}
