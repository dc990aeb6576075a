// The wire API, the only place it is defined. Clients import types only from here
// (`import type`), so none of the zod schemas reach a bundle; the few values a browser needs at
// run time come from the zod-free modules `./event-types` and `./satisfaction`.

export type {
  Analytics,
  AnalyticsPanelName,
  AnalyticsRange,
  AttendanceFigures,
  AttendancePanel,
  BuyerCohort,
  CriterionName,
  CurrencyRevenue,
  FreeRegistrations,
  FunnelConversion,
  FunnelCounts,
  FunnelPanel,
  FunnelStep,
  InteractionRates,
  Interval,
  IsoDay,
  LiveRoom,
  ModelFeature,
  PageRow,
  PagesPanel,
  PredictionPanel,
  RealtimePanel,
  RecoFigures,
  RecommendationsPanel,
  RecoVariant,
  RecoVariantFigures,
  RecoVerdict,
  RecoVersionFigures,
  RetentionPanel,
  RevenueDay,
  RevenueTotals,
  SatisfactionFigures,
  SatisfactionPanel,
  SatisfactionWeek,
  Segment,
  SegmentProfile,
  SegmentsPanel,
  TooLittleData,
  TopWorkshop,
  TrainedModel,
  WorkshopAttendance,
  WorkshopFunnel,
  WorkshopRevenue,
  WorkshopSatisfaction,
  WorkshopsPanel,
} from './analytics.ts';
export { ANALYTICS_PANELS, MIN_LEARNERS_PER_ROW, OTHER } from './analytics.ts';
export type {
  CheckoutMode,
  CheckoutRequest,
  CheckoutResponse,
  CheckoutStart,
  OrderStatus,
  OrderView,
  OwnerOrderView,
  RefundReason,
  TicketView,
  WaitlistRequest,
  WaitlistResponse,
} from './checkout.ts';
export { checkoutRequest, waitlistRequest } from './checkout.ts';
export type { ErrorBody, ErrorCode } from './errors.ts';
export { errorCodes } from './errors.ts';
export type { EventType } from './event-types.ts';
export { EVENT_TYPES } from './event-types.ts';
export type { BehaviourEvent, EventBatch, EventBatchResult } from './events.ts';
export { behaviourEvent, eventBatch, MAX_EVENTS_PER_BATCH } from './events.ts';
export type { OwnerKeyRotated } from './owner-key.ts';
export type { RatingRequest, RatingSummary } from './ratings.ts';
export { ratingRequest, ratingWeights } from './ratings.ts';
export type { ModelSource, ModelTrained, SiteModel } from './reco.ts';
export type {
  Admission,
  AdmissionKey,
  JoinRequest,
  RoomJoin,
  RoomRefusal,
  RoomRefusalReason,
  RoomRole,
  RoomStatus,
  RoomWindow,
  Roster,
  RosterEntry,
  RTCIceServerJson,
} from './rooms.ts';
export { joinRequest, removeRequest } from './rooms.ts';
export type { RatingCriterion, RatingScores, RatingWeights } from './satisfaction.ts';
export { DEFAULT_WEIGHTS, RATING_CRITERIA, satisfaction } from './satisfaction.ts';
export type { OwnerSession, OwnerSite, SiteCreate } from './site.ts';
export { ownerSessionRequest, siteCreate, siteUpdate } from './site.ts';
export type {
  OwnerWorkshop,
  PublicWorkshop,
  WorkshopCancelled,
  WorkshopCreate,
  WorkshopList,
  WorkshopStatus,
  WorkshopUpdate,
} from './workshop.ts';
export { publicWorkshop, workshopCreate, workshopUpdate } from './workshop.ts';
