/**
 * Worker-thread entry: trains sites' recommenders off the server's event loop (EASE and the
 * next-item ridge are seconds of CPU at a large site) and posts each model's ONNX bytes and
 * metadata back. Started and fed one job at a time by `WorkerTrainer` (worker-trainer.ts).
 */
import { parentPort } from 'node:worker_threads';
import { trainReply } from './train-reply.ts';

const port = parentPort!;
port.on('message', (request) => port.postMessage(trainReply(request)));
