import { parseArgs } from 'node:util';
import { SiteStore } from '../sites/site-store.ts';
import type { CliCommand } from './command.ts';

/**
 * `site rotate-key --site ID`: the same rotation as `POST /v1/sites/:site/owner-key` (and the
 * console's "Rotate owner key"): the old key and its sessions stop at once, the new key is
 * printed this once. For an owner who lost the key, or fears it leaked, and has the server.
 */
export const siteRotateKeyCommand: CliCommand = {
  group: 'site',
  action: 'rotate-key',
  usage: `site rotate-key --site SITE_ID
                     Replace the owner key: the old key and its sessions stop at once; prints the new key (shown once).`,
  async run({ args, db, out, err }) {
    const { values } = parseArgs({ args, options: { site: { type: 'string' } } });
    if (!values.site) {
      err('lectern: usage: lectern site rotate-key --site SITE_ID');
      return 64;
    }
    const rotated = await new SiteStore(db).rotateKey(values.site);
    if (!rotated) {
      err(`lectern: no site "${values.site}" (see lectern site list)`);
      return 1;
    }
    out(`New owner key for ${values.site}: ${rotated.ownerKey}`);
    out('The old key and every owner session signed in with it stopped working just now.');
    out('Keep the new key secret: it is shown only once and cannot be recovered.');
    return 0;
  },
};
