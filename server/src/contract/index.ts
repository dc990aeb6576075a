// The wire API. Clients import types only from here (`import type`), so none of it reaches a bundle.

export type {
  Admission,
  AdmissionKey,
  RatingSummary,
  RatingWeights,
  RoomJoin,
  RoomRole,
  RoomStatus,
  Roster,
  RosterEntry,
} from '../rooms/contract.ts';
export type {
  CheckoutMode,
  CheckoutRequest,
  CheckoutResponse,
  CheckoutStart,
  OrderStatus,
  OrderView,
  TicketView,
  WaitlistRequest,
  WaitlistResponse,
} from './checkout.ts';
export { checkoutRequest, waitlistRequest } from './checkout.ts';
export type { ErrorBody, ErrorCode } from './errors.ts';
export { errorCodes } from './errors.ts';
export type { BehaviourEvent, EventBatch, EventBatchResult, EventType } from './events.ts';
export { behaviourEvent, eventBatch, eventTypes, MAX_EVENTS_PER_BATCH } from './events.ts';
export type { OwnerSession, OwnerSite, SiteCreate } from './site.ts';
export { ownerSessionRequest, siteCreate, siteUpdate } from './site.ts';
export type {
  OwnerWorkshop,
  PublicWorkshop,
  WorkshopCreate,
  WorkshopList,
  WorkshopStatus,
  WorkshopUpdate,
} from './workshop.ts';
export { publicWorkshop, workshopCreate, workshopUpdate } from './workshop.ts';
