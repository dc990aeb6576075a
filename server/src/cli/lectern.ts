import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { siteCreate } from '../contract/site.ts';
import { migrate, openDatabase } from '../db/database.ts';
import { describeIssues } from '../http/json-body.ts';
import { SiteStore } from '../sites/site-store.ts';
import type { CliCommand } from './command.ts';
import { cliCommands } from './commands.ts';

const USAGE = `Usage: lectern <command> [options]

Commands:
  site create --name "My blog" --origin https://blog.example [--origin …]
                     Create a site; prints its id and owner key (shown once).
  site list          List sites and their origins.
${cliCommands.map((c) => `  ${c.usage}`).join('\n')}

Environment: LECTERN_DATA_DIR (default ./data) and the other variables in server/README.md.`;

export async function runCli(argv: string[], out = console.log, err = console.error): Promise<number> {
  const [group, action, ...rest] = argv;
  if (!group || group === '--help' || group === 'help') {
    out(USAGE);
    return group ? 0 : 64;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, LECTERN_LOG_LEVEL: 'silent' });
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`lectern: ${e.message}`);
      return 78;
    }
    throw e;
  }
  const database = openDatabase(config.dataDir);
  try {
    await migrate(database.db);
    const sites = new SiteStore(database.db);
    if (group === 'site' && action === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, origin: { type: 'string', multiple: true } },
      });
      const parsed = siteCreate.safeParse({ name: values.name, origins: values.origin ?? [] });
      if (!parsed.success) {
        err(`lectern: ${describeIssues(parsed.error).join('; ')}`);
        err('Example: lectern site create --name "My blog" --origin https://blog.example');
        return 64;
      }
      const { site, ownerKey } = await sites.create(parsed.data);
      out(`Site created: ${site.name}`);
      out(`  site id:   ${site.id}`);
      out(`  origins:   ${site.origins.join(', ')}`);
      out(`  owner key: ${ownerKey}`);
      out('Keep the owner key secret: it is shown only once and cannot be recovered.');
      out(
        `Embed: <script type="module" src="${config.publicUrl}/lectern.js" data-site="${site.id}"></script>`,
      );
      return 0;
    }
    if (group === 'site' && action === 'list') {
      for (const site of await sites.list()) out(`${site.id}\t${site.name}\t${site.origins.join(',')}`);
      return 0;
    }
    const command = cliCommands.find((c: CliCommand) => c.group === group && c.action === action);
    if (command) return await command.run({ args: rest, config, db: database.db, out, err });
    err(`lectern: unknown command "${[group, action].filter(Boolean).join(' ')}"\n`);
    err(USAGE);
    return 64;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error('lectern:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
