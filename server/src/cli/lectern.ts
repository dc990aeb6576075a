import { ConfigError, loadConfig } from '../config.ts';
import { migrate, openDatabase } from '../db/database.ts';
import type { CliCommand } from './command.ts';
import { cliCommands } from './commands.ts';

const USAGE = `Usage: lectern <command> [options]

Commands:
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
  // A command without an action (`lectern analytics --site …`) takes every argument after its group.
  const command =
    cliCommands.find((c: CliCommand) => c.group === group && c.action === action) ??
    cliCommands.find((c: CliCommand) => c.group === group && c.action === '');
  if (!command) {
    err(`lectern: unknown command "${[group, action].filter(Boolean).join(' ')}"\n`);
    err(USAGE);
    return 64;
  }
  const database = openDatabase(config.dataDir);
  try {
    await migrate(database.db);
    const args = command.action === '' && action !== undefined ? [action, ...rest] : rest;
    return await command.run({ args, config, db: database.db, out, err });
  } catch (e) {
    // parseArgs refuses an unknown option or a stray argument: a usage error, not a crash.
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`lectern: ${(e as Error).message}`);
      return 64;
    }
    throw e;
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
