// The only code that turns a learner's history into model input and the model's output into a
// ranked list. Used by evaluation, the batch CLI, the widget and the extension.
export type { EncodedHistory } from './encode.ts';
export { encodeHistory, excludeMask } from './encode.ts';
export type { MixWeights, ModelAlgorithm, ModelMeta } from './model-meta.ts';
export { checkMeta, RecommenderError } from './model-meta.ts';
export type { Recommendation, Recommender, RecommendOptions } from './recommender.ts';
export { loadRecommender } from './recommender.ts';
export type { InterestEvent } from './site-items.ts';
export {
  historyItemKeys,
  INTEREST_TYPES,
  isWorkshopKey,
  itemKeyOf,
  workshopIdOf,
  workshopKey,
} from './site-items.ts';
