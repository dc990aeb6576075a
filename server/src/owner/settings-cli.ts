import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli/command.ts';
import type { SiteSettings } from '../contract/owner.ts';
import { siteSettingsUpdate } from '../contract/owner.ts';
import { describeIssues } from '../http/json-body.ts';
import { createLogger } from '../log.ts';
import { RecoService } from '../reco/reco-service.ts';
import { SiteStore } from '../sites/site-store.ts';
import { readSiteSettings, updateSiteSettings } from './site-settings.ts';

const USAGE =
  'lectern site settings --site SITE_ID [--payment-methods card,alipay|default] [--reco-split 0.9] [--weights 0.4,0.3,0.3]';

/**
 * `site settings`: prints a site's settings, or changes them through the same validation and
 * service as `PATCH /v1/sites/:site/owner/settings` (the owner console's path).
 */
export const siteSettingsCommand: CliCommand = {
  group: 'site',
  action: 'settings',
  usage: `site settings --site SITE_ID [--payment-methods card,alipay|default] [--reco-split 0.9]
                   [--weights content,instructor,interactivity]
                     Show a site's settings, or change payment methods, the A/B split, rating weights.`,
  async run({ args, config, db, out, err }) {
    const { values } = parseArgs({
      args,
      options: {
        site: { type: 'string' },
        'payment-methods': { type: 'string' },
        'reco-split': { type: 'string' },
        weights: { type: 'string' },
      },
    });
    if (!values.site) {
      err(`lectern: usage: ${USAGE}`);
      return 64;
    }
    const sites = new SiteStore(db);
    const site = await sites.get(values.site);
    if (!site) {
      err(`lectern: no site "${values.site}" (see lectern site list)`);
      return 1;
    }
    const deps = {
      config,
      sites,
      reco: new RecoService(db, createLogger('silent'), Date.now, { afterEvents: 0, minIntervalMs: 0 }),
      payments: { name: config.payments },
    };
    const raw: Record<string, unknown> = {};
    const methods = values['payment-methods'];
    if (methods !== undefined)
      raw.paymentMethods = methods === 'default' ? [] : methods.split(',').map((m) => m.trim());
    if (values['reco-split'] !== undefined) raw.recoSplit = Number(values['reco-split']);
    if (values.weights !== undefined) {
      const [content, instructor, interactivity] = values.weights.split(',').map(Number);
      raw.ratingWeights = { content, instructor, interactivity };
    }
    if (Object.keys(raw).length === 0) {
      print(await readSiteSettings(deps, site), out);
      return 0;
    }
    const parsed = siteSettingsUpdate.safeParse(raw);
    if (!parsed.success) {
      err(`lectern: ${describeIssues(parsed.error).join('; ')}; nothing changed`);
      err(`Usage: ${USAGE}`);
      return 64;
    }
    print(await updateSiteSettings(deps, site, parsed.data), out);
    out('A running server sees the change within 5 seconds.');
    return 0;
  },
};

function print(s: SiteSettings, out: (line: string) => void) {
  out(`site:             ${s.id} (${s.name})`);
  out(
    `payment methods:  ${s.paymentMethods.length ? s.paymentMethods.join(', ') : `provider default (${s.provider})`}`,
  );
  out(`A/B split:        ${s.recoSplit} of readers get the model's recommendations`);
  const w = s.ratingWeights;
  out(`rating weights:   content ${w.content}, instructor ${w.instructor}, interactivity ${w.interactivity}`);
}
