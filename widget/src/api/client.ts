import type {
  CheckoutRequest,
  CheckoutResponse,
  OrderView,
  PublicWorkshop,
  WaitlistRequest,
  WaitlistResponse,
  WorkshopList,
} from '@lectern/server/contract';
import type { WidgetConfig } from '../config.ts';
import { json, request } from './request.ts';

export { ApiError } from './request.ts';

/** `GET /v1/sites/:site/model`: the site's recommendation model and where its files are. */
export type SiteModel = {
  version: string;
  modelUrl: string;
  meta: import('@lectern/model/runtime').ModelMeta;
  wasmBase: string;
  split: number;
  source: 'events' | 'cold-start';
};

const site = (c: WidgetConfig) => `/v1/sites/${encodeURIComponent(c.site)}`;

export const api = {
  workshops: (c: WidgetConfig) => request<WorkshopList>(c, `${site(c)}/workshops`),
  workshop: (c: WidgetConfig, id: string) =>
    request<PublicWorkshop>(c, `${site(c)}/workshops/${encodeURIComponent(id)}`),
  checkout: (c: WidgetConfig, body: CheckoutRequest) =>
    request<CheckoutResponse>(c, '/v1/checkout', json(body)),
  order: (c: WidgetConfig, id: string) => request<OrderView>(c, `/v1/orders/${encodeURIComponent(id)}`),
  model: (c: WidgetConfig) => request<SiteModel>(c, `${site(c)}/model`),
  waitlist: (c: WidgetConfig, body: WaitlistRequest) =>
    request<WaitlistResponse>(c, '/v1/waitlist', json(body)),
};

export type { CheckoutResponse, OrderView, PublicWorkshop };
