import type {
  CheckoutRequest,
  CheckoutResponse,
  OrderView,
  PublicWorkshop,
  SiteModel,
  WaitlistRequest,
  WaitlistResponse,
  WorkshopList,
} from '@lectern/server/contract';
import type { WidgetConfig } from '../config.ts';
import { json, request } from './request.ts';

export { ApiError } from './request.ts';

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

export type { CheckoutResponse, OrderView, PublicWorkshop, SiteModel };
