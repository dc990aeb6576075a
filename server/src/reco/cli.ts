import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli/command.ts';
import { createLogger } from '../log.ts';
import { RecoService } from './reco-service.ts';

export const recoTrainCommand: CliCommand = {
  group: 'reco',
  action: 'train',
  usage: 'reco train --site SITE_ID  Train and store a new recommendation model from the site’s events.',
  async run({ args, config, db, out, err }) {
    const { values } = parseArgs({ args, options: { site: { type: 'string' } } });
    if (!values.site) {
      err('lectern: reco train needs --site SITE_ID');
      return 64;
    }
    const site = await db.selectFrom('sites').select('id').where('id', '=', values.site).executeTakeFirst();
    if (!site) {
      err(`lectern: no site "${values.site}"`);
      return 1;
    }
    const reco = new RecoService(db, createLogger('silent'), Date.now, {
      afterEvents: config.recoRetrainEvents,
      minIntervalMs: config.recoRetrainIntervalSeconds * 1000,
    });
    const model = await reco.train(values.site);
    out(
      `Model ${model.version} trained for ${values.site} (${model.source}, ${model.meta.items.length} items).`,
    );
    return 0;
  },
};
