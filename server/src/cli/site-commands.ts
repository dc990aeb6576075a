import { parseArgs } from 'node:util';
import { z } from 'zod';
import { origin as originSchema, siteCreate } from '../contract/site.ts';
import { describeIssues } from '../http/json-body.ts';
import { SiteStore } from '../sites/site-store.ts';
import type { CliCommand, CliContext } from './command.ts';
import { serverUrlFor } from './server-url.ts';

const MAX_ORIGINS = 20;

export const siteCreateCommand: CliCommand = {
  group: 'site',
  action: 'create',
  usage: `site create --name "My blog" --origin https://blog.example [--origin …]
                     Create a site; prints its id, owner key (shown once) and the script tag.`,
  async run({ args, config, db, out, err }) {
    const { values } = parseArgs({
      args,
      options: { name: { type: 'string' }, origin: { type: 'string', multiple: true } },
    });
    const parsed = siteCreate.safeParse({ name: values.name, origins: values.origin ?? [] });
    if (!parsed.success) {
      err(`lectern: ${describeIssues(parsed.error).join('; ')}`);
      err('Example: lectern site create --name "My blog" --origin https://blog.example');
      return 64;
    }
    const { site, ownerKey } = await new SiteStore(db).create(parsed.data);
    const server = serverUrlFor(config, process.env);
    out(`Site created: ${site.name}`);
    out(`  site id:   ${site.id}`);
    out(`  origins:   ${site.origins.join(', ')}`);
    out(`  owner key: ${ownerKey}`);
    out('Keep the owner key secret: it is shown only once and cannot be recovered.');
    out(`Embed: <script type="module" src="${server}/lectern.js" data-site="${site.id}"></script>`);
    out(`(${server} is where this server is reached; set LECTERN_PUBLIC_URL if readers reach it elsewhere.)`);
    return 0;
  },
};

export const siteListCommand: CliCommand = {
  group: 'site',
  action: 'list',
  usage: 'site list          List sites and their origins.',
  async run({ db, out }) {
    for (const site of await new SiteStore(db).list())
      out(`${site.id}\t${site.name}\t${site.origins.join(',')}`);
    return 0;
  },
};

/**
 * `site origins list|add|remove --site ID [--origin URL …]`: changes one origin at a time, where
 * `PATCH /v1/sites/:site` replaces the whole list (and a forgotten origin breaks that blog).
 */
export const siteOriginsCommand: CliCommand = {
  group: 'site',
  action: 'origins',
  usage: `site origins list|add|remove --site SITE_ID [--origin https://blog.example …]
                     The pages (origins) allowed to embed the site, changed one at a time.`,
  async run(ctx) {
    const [verb, ...args] = ctx.args;
    const { values } = parseArgs({
      args,
      options: { site: { type: 'string' }, origin: { type: 'string', multiple: true } },
    });
    if (!verb || !['list', 'add', 'remove'].includes(verb) || !values.site) {
      ctx.err('lectern: usage: lectern site origins list|add|remove --site SITE_ID [--origin URL …]');
      return 64;
    }
    const sites = new SiteStore(ctx.db);
    const site = await sites.get(values.site);
    if (!site) {
      ctx.err(`lectern: no site "${values.site}" (see lectern site list)`);
      return 1;
    }
    if (verb === 'list') {
      for (const o of site.origins) ctx.out(o);
      return 0;
    }
    const origins = parseOrigins(values.origin ?? [], ctx);
    if (!origins) return 64;
    const next =
      verb === 'add'
        ? [...new Set([...site.origins, ...origins])]
        : site.origins.filter((o) => !origins.includes(o));
    if (verb === 'remove') {
      const unknown = origins.filter((o) => !site.origins.includes(o));
      if (unknown.length) {
        ctx.err(`lectern: ${unknown.join(', ')} is not registered for ${site.id}; nothing changed`);
        return 1;
      }
      if (next.length === 0) {
        ctx.err(
          `lectern: a site keeps at least one origin; add the new one before removing ${origins.join(', ')}`,
        );
        return 1;
      }
    }
    if (next.length > MAX_ORIGINS) {
      ctx.err(`lectern: a site has at most ${MAX_ORIGINS} origins; remove one first`);
      return 1;
    }
    const updated = await sites.update(site.id, { origins: next });
    ctx.out(
      `${verb === 'add' ? 'Added' : 'Removed'} ${origins.join(', ')} ${verb === 'add' ? 'to' : 'from'} ${site.id}.`,
    );
    ctx.out(`Origins now: ${updated?.origins.join(', ')}`);
    ctx.out('A running server sees the change within 5 seconds.');
    return 0;
  },
};

/** Each `--origin` as a normalized origin (`https://blog.example/post` → `https://blog.example`), or null after saying why not. */
function parseOrigins(raw: string[], ctx: Pick<CliContext, 'err'>): string[] | null {
  if (raw.length === 0) {
    ctx.err('lectern: give at least one --origin, e.g. --origin https://blog.example');
    return null;
  }
  const parsed = z.array(originSchema).safeParse(raw);
  if (!parsed.success) {
    const bad = raw.filter((r) => !originSchema.safeParse(r).success);
    ctx.err(`lectern: not an http(s) origin: ${bad.join(', ')} (expected e.g. https://blog.example)`);
    return null;
  }
  return [...new Set(parsed.data)];
}
