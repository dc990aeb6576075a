import { recoTrainCommand } from '../reco/cli.ts';
import type { CliCommand } from './command.ts';

/** The commands beyond `site create` / `site list`, one entry each. */
export const cliCommands: CliCommand[] = [recoTrainCommand];
