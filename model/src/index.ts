// @lectern/model: training and evaluation (Node) and, under ./runtime, the inference runtime.
export type { CourseEntities } from './data/course-kg.ts';
export { loadCourseKg, parseCourseKg } from './data/course-kg.ts';
export { moocDataDir } from './data/paths.ts';
export type { Sequence } from './data/sequences.ts';
export { loadSequences, parseSequences } from './data/sequences.ts';
export { Vocabulary } from './data/vocabulary.ts';
export type { Metrics } from './eval/metrics.ts';
export { hitAt, ndcgAt, rankOf } from './eval/metrics.ts';
export type { Scorer, Split } from './eval/protocol.ts';
export { evaluate, evaluateSampled, leaveLastOut } from './eval/protocol.ts';
export { exportSequenceModel } from './export/onnx-export.ts';
export type { ModelMeta } from './runtime/model-meta.ts';
export { itemKnn } from './train/item-knn.ts';
export type { SequenceModel, SequenceModelOptions } from './train/sequence-model.ts';
export { scoreSequence, trainSequenceModel } from './train/sequence-model.ts';
export type { TrainedRecommender } from './train-recommender.ts';
export { trainRecommender } from './train-recommender.ts';
