/**
 * `--button sale:4 [--button-url URL]` of the simulator's command line: once listening, it prints a tap on that
 * button signed with the simulator's key and writes the tap's parameters to `button-tap.json` beside the credential
 * file, the message for `lightspeed-retail run registerButton --msg`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shownPath } from './credentialFile';
import type { Simulator } from './index';
import { TAP_LIFETIME_SECONDS } from './menuButton';

/** The Button URL of examples/registerButton/: a flow's webhook URL as the platform gives it, on a reserved domain. */
export const EXAMPLE_BUTTON_URL = 'https://in.tenant.example/hook/64f0c0ffee00000000000001';

export interface ButtonArgs {
  taps: Array<{ screen: string; id: number }>;
  buttonUrl: string;
}

export const BUTTON_USAGE = `  --button SCREEN:ID (such as sale:4 or workorder:1, repeatable) print a signed tap on a custom menu button and write
                     its parameters to button-tap.json beside the credential file (for run registerButton --msg)
  --button-url URL   the button's URL, as in the step's Button URL (default ${EXAMPLE_BUTTON_URL})`;

/** Takes `--button` and `--button-url` out of argv (they are not simulator options). */
export function takeButtonArgs(argv: string[]): { argv: string[]; button: ButtonArgs } {
  const button: ButtonArgs = { taps: [], buttonUrl: EXAMPLE_BUTTON_URL };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (name !== '--button' && name !== '--button-url') {
      rest.push(argv[i]);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--button-url') button.buttonUrl = new URL(value).toString();
    else button.taps.push(parseTap(value));
  }
  return { argv: rest, button };
}

function parseTap(value: string): { screen: string; id: number } {
  const match = /^([a-z_-]+):([1-9]\d*)$/i.exec(value);
  if (!match) throw new Error(`--button needs SCREEN:ID, such as sale:4 or workorder:1, got ${value}`);
  return { screen: match[1].toLowerCase(), id: Number(match[2]) };
}

/** Prints each tap's signed URL and writes its parameters next to the credential file (the last tap's stay). */
export function announceButtonTaps(sim: Simulator, button: ButtonArgs, credentialFile: string): void {
  for (const { screen, id } of button.taps) {
    let tap;
    try {
      tap = sim.signButtonTap(button.buttonUrl, screen, id);
    } catch (error) {
      console.log(`--button ${screen}:${id}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    console.log(`A tap on the ${screen} screen, ${screen === 'workorder' ? 'workorder' : 'sale'} ${id}, valid for ${TAP_LIFETIME_SECONDS / 60} minutes:\n  ${tap.url}`);
    const file = join(dirname(credentialFile), 'button-tap.json');
    writeFileSync(file, `${JSON.stringify(tap.query, null, 2)}\n`);
    console.log(`Its parameters: ${shownPath(file)}, for run registerButton --msg ${shownPath(file)}`);
  }
}
