import { recoTrainCommand } from '../reco/cli.ts';
import { analyticsCommand } from './analytics-command.ts';
import type { CliCommand } from './command.ts';
import { siteCreateCommand, siteListCommand, siteOriginsCommand } from './site-commands.ts';
import { siteRotateKeyCommand } from './site-key-command.ts';

/** Every `lectern <group> <action>` command, one entry each, in the order `--help` lists them. */
export const cliCommands: CliCommand[] = [
  siteCreateCommand,
  siteListCommand,
  siteOriginsCommand,
  siteRotateKeyCommand,
  recoTrainCommand,
  analyticsCommand,
];
