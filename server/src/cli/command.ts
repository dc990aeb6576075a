import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

export type CliContext = {
  args: string[];
  config: Config;
  db: Db;
  out: (line: string) => void;
  err: (line: string) => void;
};

/**
 * One `lectern <group> <action>` command. Features define theirs beside their code (e.g.
 * `reco/cli.ts`) and `commands.ts` lists them, so a feature never imports the list it is in.
 */
export type CliCommand = {
  group: string;
  action: string;
  usage: string;
  run(ctx: CliContext): Promise<number>;
};
