import { trainRecommender } from '@lectern/model';
import { type TrainReply, type TrainRequest, unpack } from './worker-trainer.ts';

/** Trains the requested model (in the worker thread); an error is part of the reply. */
export function trainReply({ id, job: packed }: TrainRequest): TrainReply {
  try {
    const job = unpack(packed);
    const trained = trainRecommender(job.sequences, {
      items: job.items,
      side: new Map(job.side),
      k: job.k,
      maxEaseItems: job.maxEaseItems,
    });
    return { id, result: { onnx: trained.onnx, meta: trained.meta } };
  } catch (err) {
    return { id, error: err instanceof Error ? err.message : String(err) };
  }
}
