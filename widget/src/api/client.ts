import type {
  CheckoutRequest,
  CheckoutResponse,
  ErrorBody,
  OrderView,
  PublicWorkshop,
  WaitlistRequest,
  WaitlistResponse,
  WorkshopList,
} from '@lectern/server/contract';
import type { WidgetConfig } from '../config.ts';

/** `GET /v1/sites/:site/model`: the site's recommendation model and where its files are. */
export type SiteModel = {
  version: string;
  modelUrl: string;
  meta: import('@lectern/model/runtime').ModelMeta;
  wasmBase: string;
  split: number;
  source: 'events' | 'cold-start';
};

/** An API failure: `code` is the server's stable error code, or `network` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(config: WidgetConfig, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${config.server}${path}`, {
      // Seats change: always revalidate (a cheap 304 thanks to the ETag) instead of trusting max-age.
      cache: 'no-cache',
      ...init,
      headers: init?.body ? { 'Content-Type': 'application/json' } : undefined,
      credentials: 'omit',
    });
  } catch (err) {
    throw new ApiError(0, 'network', String(err));
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Fall through: a non-JSON answer is a server error below.
  }
  if (!res.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'server', error?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

const site = (c: WidgetConfig) => `/v1/sites/${encodeURIComponent(c.site)}`;

export const api = {
  workshops: (c: WidgetConfig) => request<WorkshopList>(c, `${site(c)}/workshops`),
  workshop: (c: WidgetConfig, id: string) =>
    request<PublicWorkshop>(c, `${site(c)}/workshops/${encodeURIComponent(id)}`),
  checkout: (c: WidgetConfig, body: CheckoutRequest) =>
    request<CheckoutResponse>(c, '/v1/checkout', { method: 'POST', body: JSON.stringify(body) }),
  order: (c: WidgetConfig, id: string) => request<OrderView>(c, `/v1/orders/${encodeURIComponent(id)}`),
  model: (c: WidgetConfig) => request<SiteModel>(c, `${site(c)}/model`),
  waitlist: (c: WidgetConfig, body: WaitlistRequest) =>
    request<WaitlistResponse>(c, '/v1/waitlist', { method: 'POST', body: JSON.stringify(body) }),
};

export type { CheckoutResponse, OrderView, PublicWorkshop };
