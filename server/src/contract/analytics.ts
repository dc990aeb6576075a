// No zod here: the owner console imports these types with `import type`.
//
// The answer of `GET /v1/sites/:site/owner/analytics?from=YYYY-MM-DD&to=YYYY-MM-DD` (owner
// session; `from`/`to` are inclusive UTC days, default the last 30 days, at most 366 days) and
// of `npx lectern analytics --json`. Money is in minor units next to its ISO 4217 code and never
// summed across currencies. Rates are shares in [0, 1] (null when the denominator is 0). A
// breakdown row covering fewer than 5 learners is folded into a row whose key is `OTHER`.

/** Key of the row that holds every breakdown row covering fewer than 5 learners. */
export const OTHER = 'other';

/** Smallest number of learners a breakdown row may cover; smaller rows fold into `OTHER`. */
export const MIN_LEARNERS_PER_ROW = 5;

/** A UTC calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

export type AnalyticsRange = {
  from: IsoDay;
  to: IsoDay;
  days: number;
};

/** A panel whose model or breakdown needs more data than the site has. */
export type TooLittleData = { status: 'too_little_data'; needed: number; have: number };

/** A 95 % confidence interval. */
export type Interval = { low: number; high: number };

// 1. Funnel ---------------------------------------------------------------------------------

export type FunnelCounts = {
  /** `page_view` events. */
  pageViews: number;
  /** `workshop_click` events (a reader opened a workshop). */
  workshopViews: number;
  /** `checkout_start` events. */
  checkouts: number;
  /** Orders paid (paid or later refunded), free registrations included. */
  paid: number;
  /** Tickets whose holder joined the live room. */
  attended: number;
};
export type FunnelStep = keyof FunnelCounts;
/** `rate` = `to` / `from`, step to step. */
export type FunnelConversion = { from: FunnelStep; to: FunnelStep; rate: number | null };

export type WorkshopFunnel = FunnelCounts & {
  /** A workshop id, or `OTHER`. */
  workshopId: string;
  title: string;
  conversions: FunnelConversion[];
};

export type FunnelPanel = FunnelCounts & {
  conversions: FunnelConversion[];
  previous: FunnelCounts;
  workshops: WorkshopFunnel[];
};

// 2. Revenue ---------------------------------------------------------------------------------

export type RevenueTotals = {
  /** Paid in the period (by payment day), refunds included. */
  gross: number;
  /** The part of `gross` refunded since. */
  refunded: number;
  net: number;
  orders: number;
  /** gross / orders, rounded to a minor unit; null without orders. */
  averageOrderValue: number | null;
};
export type RevenueDay = { day: IsoDay; gross: number; refunded: number; net: number; orders: number };
export type CurrencyRevenue = RevenueTotals & {
  currency: string;
  /** Every day of the range, zeros included. */
  byDay: RevenueDay[];
  previous: RevenueTotals;
};
/** Confirmed free registrations: counted apart, never in any currency's figures. */
export type FreeRegistrations = { count: number; previous: number };

// 3. Attendance and engagement -----------------------------------------------------------------

/** Interactions per attendee-hour in the room, by kind (`chat`, `question`, `upvote`, `poll_vote`, `hand`, …). */
export type InteractionRates = Record<string, number>;

export type AttendanceFigures = {
  /** Active tickets of workshops that started in the period. */
  tickets: number;
  attended: number;
  rate: number | null;
  /** Minutes in the room per attendee (sum of their `room_leave` seconds). */
  medianMinutes: number | null;
  meanMinutes: number | null;
  interactionsPerHour: InteractionRates;
};
export type WorkshopAttendance = AttendanceFigures & { workshopId: string; title: string };
export type AttendancePanel = AttendanceFigures & {
  previous: AttendanceFigures;
  workshops: WorkshopAttendance[];
};

// 4. Retention ---------------------------------------------------------------------------------

export type BuyerCohort = {
  /** `YYYY-MM`: the month of the buyers' first paid order. */
  month: string;
  buyers: number;
  /** Buyers of the cohort who paid again in a later month. */
  returned: number;
  rate: number | null;
};
export type RetentionPanel = {
  /** Buyers whose first paid order falls in the period. */
  newBuyers: number;
  /** Share of them who paid another order within 30 / 90 days of the first. */
  repurchase30: number | null;
  repurchase90: number | null;
  /** Monthly cohorts up to the end of the period (at most the last 12). */
  cohorts: BuyerCohort[];
  /** Readers seen in the period, and those of them seen in more than one session. */
  readers: number;
  returningReaders: number;
  returningRate: number | null;
};

// 5. Recommendations (A/B) -------------------------------------------------------------------

export type RecoVariant = 'model' | 'popularity';
export type RecoFigures = {
  impressions: number;
  clicks: number;
  /** clicks / impressions, with its Wilson interval. */
  ctr: number | null;
  ctrInterval: Interval | null;
  /** Clicks followed by a checkout / a purchase of the clicked workshop by the same reader. */
  checkouts: number;
  paid: number;
  checkoutRate: number | null;
  checkoutInterval: Interval | null;
  paidRate: number | null;
  paidInterval: Interval | null;
};
export type RecoVariantFigures = RecoFigures & { variant: RecoVariant };
export type RecoVersionFigures = RecoFigures & { version: string; variant: RecoVariant };
/**
 * The plain-language verdict as data; the console words it ("the model is ahead by 2.1 points;
 * not yet significant"). `points` = CTR(leader) − CTR(other) in percentage points.
 */
export type RecoVerdict =
  | {
      status: 'compared';
      leader: RecoVariant;
      points: number;
      /** 95 % interval of CTR(model) − CTR(popularity) in points (normal approximation). */
      interval: Interval;
      /** The interval excludes 0. */
      significant: boolean;
    }
  | TooLittleData;
export type RecommendationsPanel = {
  variants: RecoVariantFigures[];
  versions: RecoVersionFigures[];
  verdict: RecoVerdict;
};

// 6. Satisfaction ------------------------------------------------------------------------------

export type CriterionName = 'content' | 'instructor' | 'interactivity';
export type SatisfactionFigures = {
  ratings: number;
  /** S = Σ wᵢCᵢ with the site's weights; null without ratings. */
  score: number | null;
};
export type WorkshopSatisfaction = SatisfactionFigures & {
  workshopId: string;
  title: string;
  criteria: Record<CriterionName, number | null>;
};
/** `week` is the Monday (UTC) that starts it. */
export type SatisfactionWeek = SatisfactionFigures & { week: IsoDay };
export type SatisfactionPanel = SatisfactionFigures & {
  weights: Record<CriterionName, number>;
  previous: SatisfactionFigures;
  workshops: WorkshopSatisfaction[];
  byWeek: SatisfactionWeek[];
  /** Per criterion, how many ratings gave 1, 2, 3, 4, 5 (index 0 = score 1). */
  distribution: Record<CriterionName, [number, number, number, number, number]>;
};

// 7. Realtime ----------------------------------------------------------------------------------

export type LiveRoom = { workshopId: string; title: string; learners: number };
export type RealtimePanel = {
  /** Server time the figures were read at (ISO 8601 UTC). */
  at: string;
  /** Distinct readers whose events arrived in the last 5 minutes. */
  activeReaders: number;
  /** Learners connected to a live room now, per room. */
  inRooms: number;
  rooms: LiveRoom[];
};

// 8. Pages and workshops -----------------------------------------------------------------------

export type PageRow = {
  /** A path, or `OTHER`. */
  path: string;
  views: number;
  readers: number;
  /** Purchases made in a session that viewed this path before buying. */
  purchases: number;
};
export type PagesPanel = { byViews: PageRow[]; byPurchases: PageRow[] };

export type WorkshopRevenue = { currency: string; net: number };
export type TopWorkshop = {
  workshopId: string;
  title: string;
  views: number;
  paid: number;
  attended: number;
  revenue: WorkshopRevenue | null;
  score: number | null;
};
export type WorkshopsPanel = { top: TopWorkshop[] };

// 9. Prediction and segments -------------------------------------------------------------------

export type ModelFeature = { name: string; weight: number };
export type TrainedModel = {
  status: 'trained';
  /** Weights on standardised features: comparable with each other. */
  features: ModelFeature[];
  intercept: number;
  /** Area under the ROC curve on the held-out part (20 %). */
  auc: number | null;
  trainSize: number;
  testSize: number;
  /** Share of positives in the data. */
  baseRate: number;
};
export type PredictionPanel = {
  /** P(a ticket holder joins the room). */
  attend: TrainedModel | TooLittleData;
  /** P(a reader buys). */
  buy: TrainedModel | TooLittleData;
};

export type SegmentProfile = {
  views: number;
  purchases: number;
  attended: number;
  interactions: number;
};
export type Segment = {
  id: number;
  size: number;
  share: number;
  /** Mean per learner of the segment. */
  profile: SegmentProfile;
};
export type SegmentsPanel =
  | { status: 'clustered'; k: number; learners: number; segments: Segment[] }
  | TooLittleData;

// The whole answer --------------------------------------------------------------------------

export type Analytics = {
  site: string;
  range: AnalyticsRange;
  /** The period of the same length just before, for comparison. */
  previousRange: AnalyticsRange;
  funnel: FunnelPanel;
  revenue: CurrencyRevenue[];
  freeRegistrations: FreeRegistrations;
  attendance: AttendancePanel;
  retention: RetentionPanel;
  recommendations: RecommendationsPanel;
  satisfaction: SatisfactionPanel;
  realtime: RealtimePanel;
  pages: PagesPanel;
  workshops: WorkshopsPanel;
  prediction: PredictionPanel;
  segments: SegmentsPanel;
};

/** The panels, in the order of the console and of the export's CSV files. */
export const ANALYTICS_PANELS = [
  'funnel',
  'revenue',
  'attendance',
  'retention',
  'recommendations',
  'satisfaction',
  'realtime',
  'pages',
  'workshops',
  'prediction',
  'segments',
] as const;
export type AnalyticsPanelName = (typeof ANALYTICS_PANELS)[number];
