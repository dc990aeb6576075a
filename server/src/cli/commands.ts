import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { recoTrainCommand } from '../reco/cli.ts';

export type CliContext = {
  args: string[];
  config: Config;
  db: Db;
  out: (line: string) => void;
  err: (line: string) => void;
};

/** Further CLI commands register here (e.g. `reco train`), one entry each. */
export type CliCommand = {
  group: string;
  action: string;
  usage: string;
  run(ctx: CliContext): Promise<number>;
};

export const cliCommands: CliCommand[] = [recoTrainCommand];
