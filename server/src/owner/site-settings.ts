import type { Config } from '../config.ts';
import {
  PAYMENT_METHODS,
  type PaymentMethod,
  type SiteSettings,
  type SiteSettingsUpdate,
} from '../contract/owner.ts';
import { weightsOf } from '../ratings/satisfaction.ts';
import type { RecoService } from '../reco/reco-service.ts';
import type { Site, SiteStore } from '../sites/site-store.ts';

// A site's settings live in `sites.settings` (JSON) under the keys the features read:
// `paymentMethodTypes` (checkout/order-lifecycle.ts), `recoSplit` (reco/routes.ts),
// `ratingWeights` (ratings/satisfaction.ts). The owner API and the CLI both change them here.

/** What reading and changing settings needs: the server's (`AppDeps`) or the CLI's own. */
export type SettingsDeps = {
  config: Pick<Config, 'recoSplit'>;
  sites: Pick<SiteStore, 'update'>;
  reco: Pick<RecoService, 'latest'>;
  payments: { name: 'dev' | 'stripe' };
};

/** The payment methods a site offers; [] (or unset) lets the provider choose. */
export function paymentMethodsOf(settings: Record<string, unknown>): PaymentMethod[] {
  const stored = settings.paymentMethodTypes;
  if (!Array.isArray(stored)) return [];
  return stored.filter((m): m is PaymentMethod => (PAYMENT_METHODS as readonly string[]).includes(m));
}

/** The share of readers who get the model's recommendations; the server's default when unset. */
export function recoSplitOf(settings: Record<string, unknown>, fallback: number): number {
  return typeof settings.recoSplit === 'number' ? settings.recoSplit : fallback;
}

export async function readSiteSettings(deps: SettingsDeps, site: Site): Promise<SiteSettings> {
  const model = await deps.reco.latest(site.id);
  return {
    id: site.id,
    name: site.name,
    origins: site.origins,
    provider: deps.payments.name,
    paymentMethods: paymentMethodsOf(site.settings),
    availablePaymentMethods: [...PAYMENT_METHODS],
    recoSplit: recoSplitOf(site.settings, deps.config.recoSplit),
    ratingWeights: weightsOf(site.settings),
    model: model && {
      version: model.version,
      source: model.source,
      trainedAt: new Date(model.createdAt).toISOString(),
    },
  };
}

/** Applies a validated change (contract `siteSettingsUpdate`) and returns the settings in effect. */
export async function updateSiteSettings(
  deps: SettingsDeps,
  site: Site,
  patch: Omit<SiteSettingsUpdate, 'paymentMethods'> & { paymentMethods?: readonly PaymentMethod[] },
): Promise<SiteSettings> {
  const settings = { ...site.settings };
  if (patch.paymentMethods !== undefined) settings.paymentMethodTypes = [...patch.paymentMethods];
  if (patch.recoSplit !== undefined) settings.recoSplit = patch.recoSplit;
  if (patch.ratingWeights !== undefined) settings.ratingWeights = patch.ratingWeights;
  const updated = await deps.sites.update(site.id, { settings });
  return readSiteSettings(deps, updated!);
}
