import type { ModelMeta } from '@lectern/model';
import type { ModelSource } from '../contract/reco.ts';
import type { Db } from '../db/database.ts';
import { receivedEvents } from '../events/received-count.ts';
import { HttpError } from '../http/http-error.ts';
import type { JobLeases } from '../jobs/job-leases.ts';
import type { Logger } from '../log.ts';
import { readSiteTrainingData } from './site-training-data.ts';
import { type Trainer, WorkerTrainer } from './worker-trainer.ts';

/** One training at a time per process, each in a worker thread. */
const processTrainer = new WorkerTrainer().train;

/** The largest catalogue the server fits with EASE in-process (see `train`). */
export const SERVER_MAX_EASE_ITEMS = 1000;

export type StoredModel = {
  version: string;
  meta: ModelMeta;
  source: ModelSource;
  createdAt: number;
};

/**
 * Per-site models: trained from the site's uploaded events (or, with none yet, from its
 * workshops' attributes and sales), stored versioned by content hash, retrained in the background
 * once enough new events arrived. The training data is read here; the CPU part runs in a worker
 * thread (worker-trainer.ts), so the server keeps answering while a big site's model trains.
 */
export type RetrainPolicy = {
  /** Retrain after this many new uploaded events (0: on demand only)… */
  afterEvents: number;
  /** …but at most once per this many milliseconds per site, however fast events arrive. */
  minIntervalMs: number;
};

export class RecoService {
  private training = new Map<string, Promise<StoredModel>>();
  private deferred = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly now: () => number,
    private readonly retrain: RetrainPolicy,
    /** With several processes, a site's background retrain runs in one of them per interval. */
    private readonly leases?: JobLeases,
    private readonly trainer: Trainer = processTrainer,
  ) {}

  async latest(siteId: string): Promise<StoredModel | null> {
    const row = await this.db
      .selectFrom('reco_models')
      .select(['version', 'meta', 'source', 'created_at'])
      .where('site_id', '=', siteId)
      .orderBy('created_at', 'desc')
      .orderBy('version')
      .executeTakeFirst();
    return row
      ? {
          version: row.version,
          meta: JSON.parse(row.meta),
          source: row.source,
          createdAt: Number(row.created_at),
        }
      : null;
  }

  /** The latest model, training a first one when the site has none. */
  async latestOrTrain(siteId: string): Promise<StoredModel> {
    return (await this.latest(siteId)) ?? this.train(siteId);
  }

  async bytes(siteId: string, version: string): Promise<Uint8Array | null> {
    const row = await this.db
      .selectFrom('reco_models')
      .select('onnx_base64')
      .where('site_id', '=', siteId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? new Uint8Array(Buffer.from(row.onnx_base64, 'base64')) : null;
  }

  /** Trains and stores a new version; concurrent calls for one site share one run. */
  train(siteId: string): Promise<StoredModel> {
    const running = this.training.get(siteId);
    if (running) return running;
    const run = this.trainNow(siteId).finally(() => this.training.delete(siteId));
    this.training.set(siteId, run);
    return run;
  }

  private async trainNow(siteId: string): Promise<StoredModel> {
    clearTimeout(this.deferred.get(siteId));
    this.deferred.delete(siteId);
    // What the retrain trigger counts from: events stored from now on are not in this model.
    const receivedCount = await receivedEvents(this.db, siteId);
    const data = await readSiteTrainingData(this.db, siteId);
    if (data.items.length === 0)
      throw new HttpError(409, 'conflict', 'The site has no workshops to recommend yet');
    const trained = await this.trainer({
      sequences: data.sequences,
      items: data.items,
      side: [...data.side],
      k: Math.min(50, data.items.length),
      // Training grows with n³: EASE and the next-item ridge (two inversions and a sparse
      // product) took 1.5 s of CPU at 1,000 items, 4.1 s at 1,500 and 9.1 s at 2,000
      // (model/README.md). It runs in a worker thread, but one core per retrain is still the
      // budget, so above 1,000 items a site gets the sequence model alone (the metadata says so).
      maxEaseItems: SERVER_MAX_EASE_ITEMS,
    }).catch((err) => {
      // The previous model stays the latest; the caller (route, CLI, background retrain) fails.
      this.log.error({ err, siteId }, 'recommendation model training failed');
      throw err;
    });
    const source = data.eventsUsed > 0 ? 'events' : 'cold-start';
    const createdAt = this.now();
    await this.db
      .insertInto('reco_models')
      .values({
        version: trained.meta.version,
        site_id: siteId,
        onnx_base64: Buffer.from(trained.onnx).toString('base64'),
        meta: JSON.stringify(trained.meta),
        source,
        events_used: data.eventsUsed,
        created_at: createdAt,
        received_count: receivedCount,
      })
      // Same bytes as an existing version: just make it the latest again.
      .onConflict((oc) =>
        oc.column('version').doUpdateSet({ created_at: createdAt, received_count: receivedCount }),
      )
      .execute();
    this.log.info(
      { siteId, version: trained.meta.version, source, items: data.items.length, events: data.eventsUsed },
      'recommendation model trained',
    );
    return { version: trained.meta.version, meta: trained.meta, source, createdAt };
  }

  /**
   * Called after events are stored, by whichever process stored them: once the site has
   * `afterEvents` events received since its latest model — counted in the database, so every
   * process's uploads count — a background retrain is scheduled, at most once per interval after
   * that model: under a stream of events the model is refreshed every `minIntervalMs`, not after
   * every few batches. Never throws (the events are stored whatever happens here).
   */
  async noteEvents(siteId: string, accepted: number): Promise<void> {
    if (accepted <= 0 || this.retrain.afterEvents <= 0) return;
    // A retrain already running or scheduled here reads every stored event when it runs.
    if (this.training.has(siteId) || this.deferred.has(siteId)) return;
    try {
      await this.scheduleIfDue(siteId);
    } catch (err) {
      this.log.warn({ err, siteId }, 'checking for a background retrain failed');
    }
  }

  private async scheduleIfDue(siteId: string): Promise<void> {
    const { afterEvents, minIntervalMs } = this.retrain;
    const [trained, received] = await Promise.all([
      this.lastTrained(siteId),
      receivedEvents(this.db, siteId),
    ]);
    if (received - (trained?.receivedCount ?? 0) < afterEvents) return;
    if (this.training.has(siteId) || this.deferred.has(siteId)) return; // decided meanwhile
    this.schedule(siteId, trained === null ? 0 : trained.at + minIntervalMs - this.now(), () =>
      this.claimRetrain(siteId).then((mine) => {
        if (mine) return this.train(siteId);
        // Another process retrained the site within the interval (from every stored event) or
        // is doing so: look again once its lease has lapsed.
        this.schedule(siteId, minIntervalMs, () => this.scheduleIfDue(siteId));
      }),
    );
  }

  private schedule(siteId: string, wait: number, run: () => Promise<unknown>): void {
    const timer = setTimeout(
      () => {
        this.deferred.delete(siteId);
        run().catch((err) => this.log.warn({ err, siteId }, 'background model training failed'));
      },
      Math.max(0, wait),
    );
    // A pending retrain never keeps the process alive on shutdown.
    timer.unref();
    this.deferred.set(siteId, timer);
  }

  /**
   * When the site's latest model was stored, by any process, and the site's received count its
   * training started from (null: no model yet). Events since = received count − that count: two
   * short index reads (the model, the site's count rows), however large the event log.
   */
  private async lastTrained(siteId: string): Promise<{ at: number; receivedCount: number } | null> {
    const row = await this.db
      .selectFrom('reco_models')
      .select(['created_at', 'received_count'])
      .where('site_id', '=', siteId)
      .orderBy('created_at', 'desc')
      .orderBy('version')
      .executeTakeFirst();
    return row ? { at: Number(row.created_at), receivedCount: Number(row.received_count) } : null;
  }

  /** True when no other process retrained the site within the interval; takes it for this one. */
  private claimRetrain(siteId: string): Promise<boolean> {
    if (!this.leases) return Promise.resolve(true);
    return this.leases.claim(`reco-retrain:${siteId}`, this.retrain.minIntervalMs, { renew: false });
  }

  /** Whether a background retrain of the site is waiting for its interval to pass. */
  retrainScheduled(siteId: string): boolean {
    return this.deferred.has(siteId);
  }

  /** Cancels scheduled background retrains (shutdown). */
  close(): void {
    for (const timer of this.deferred.values()) clearTimeout(timer);
    this.deferred.clear();
  }
}
