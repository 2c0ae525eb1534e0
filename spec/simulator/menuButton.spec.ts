import { expect } from 'chai';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Simulator, startSimulator, RETURN_URL, TAP_LIFETIME_SECONDS } from '../../simulator';
import { EXAMPLE_BUTTON_URL, takeButtonArgs } from '../../simulator/buttonCli';
import { ROOT, events, runCli, tempDir, writeJson } from '../cli/helpers';

describe('simulator: custom menu button taps, signed, and the key set at /.well-known/jwks', () => {
  let sim: Simulator;
  beforeEach(async () => { sim = await startSimulator({ rateLimit: false, items: 5, customers: 25, sales: 4 }); });
  afterEach(() => sim.close());

  const keySet = async (): Promise<Array<Record<string, string>>> => ((await (await fetch(`${sim.url}/.well-known/jwks`)).json()) as { keys: Array<Record<string, string>> }).keys;

  it('serves its public key (no private part), then after a rotation both keys, signing with the new one', async () => {
    const before = await keySet();
    expect(before.map((key) => [key.kid, key.kty, key.alg, key.use])).to.deep.equal([['SIM_MENU_BUTTON_2024_01', 'RSA', 'RS256', 'sig']]);
    expect(before[0]).to.have.keys('kid', 'kty', 'n', 'e', 'alg', 'use');
    expect(sim.signButtonTap(EXAMPLE_BUTTON_URL, 'sale', 3).query.kid).to.equal('SIM_MENU_BUTTON_2024_01');
    sim.rotateButtonKey();
    expect((await keySet()).map((key) => key.kid)).to.deep.equal(['SIM_MENU_BUTTON_2024_01', 'SIM_MENU_BUTTON_2025_01']);
    expect(sim.signButtonTap(EXAMPLE_BUTTON_URL, 'sale', 3).query.kid).to.equal('SIM_MENU_BUTTON_2025_01');
  });

  it('appends the register\'s context of the sale, as in Lightspeed\'s tutorial, valid for 10 minutes', () => {
    const now = Math.floor(Date.now() / 1000);
    const { url, query } = sim.signButtonTap(EXAMPLE_BUTTON_URL, 'sale', 3);
    const sale = sim.store.get('Sale', 3) ?? {};
    expect(query).to.include({ accountID: '123456', type: 'sale', saleID: '3', customerID: sale.customerID, shopID: sale.shopID, registerID: sale.registerID, returnURL: RETURN_URL, alg: 'RS256' });
    expect(Number(query.exp)).to.be.within(now + TAP_LIFETIME_SECONDS - 2, now + TAP_LIFETIME_SECONDS + 2);
    expect(url.startsWith(`${EXAMPLE_BUTTON_URL}?accountID=123456&alg=RS256&`)).to.equal(true);
    expect(Object.fromEntries(new URL(url).searchParams)).to.deep.equal(query);
    expect(() => sim.signButtonTap(EXAMPLE_BUTTON_URL, 'sale', 99)).to.throw('the simulator has no Sale 99');
  });

  it('reads --button SCREEN:ID (repeatable) and --button-url from its command line', () => {
    expect(takeButtonArgs(['--port', '0', '--button', 'sale:3', '--button=Workorder:1', '--button-url', 'https://in.x.example/hook/9'])).to.deep.equal({
      argv: ['--port', '0'], button: { taps: [{ screen: 'sale', id: 3 }, { screen: 'workorder', id: 1 }], buttonUrl: 'https://in.x.example/hook/9' },
    });
    expect(() => takeButtonArgs(['--button', '119'])).to.throw('--button needs SCREEN:ID, such as sale:4 or workorder:1, got 119');
  });
});

describe('a tap from `npm run simulator -- --button sale:3`, through `lightspeed-retail run registerButton`', () => {
  let child: ChildProcess | undefined;
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
    cleanup();
  });

  it('prints a signed URL, writes its parameters for --msg, and the runner emits the sale and (with reply_to) the redirect', async () => {
    const credential = join(dir, 'credential.json');
    child = spawn(process.execPath, [join(ROOT, 'dist/simulator/cli.js'), '--port', '0', '--items', '10', '--sales', '5', '--credential-file', credential, '--button', 'sale:3'], { cwd: dir });
    const stdout = await new Promise<string>((done, fail) => {
      let text = '';
      child?.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('Its parameters')) done(text);
      });
      child?.once('exit', (code) => fail(new Error(`simulator exited with ${code}: ${text}`)));
    });
    expect(stdout).to.match(new RegExp(`A tap on the sale screen, sale 3, valid for 10 minutes:\\n  ${EXAMPLE_BUTTON_URL.replace(/[.?]/g, '\\$&')}\\?accountID=123456&.*&signature=[\\w-]+&systemUserID=\\d+&type=sale\\n`));
    expect(stdout).to.include('Its parameters: button-tap.json, for run registerButton --msg button-tap.json');
    const query = JSON.parse(readFileSync(join(dir, 'button-tap.json'), 'utf8')) as Record<string, string>;
    writeJson(dir, 'step.json', { buttonUrl: EXAMPLE_BUTTON_URL });

    const plain = await runCli(['run', 'registerButton', '--credential', 'credential.json', '--cfg', 'step.json', '--msg', 'button-tap.json'], { cwd: dir });
    expect(plain.code, plain.stderr).to.equal(0);
    const data = events(plain.stdout).filter((line) => line.event === 'data');
    expect(data.map((line) => (line.body?.Sale as { saleID: number }).saleID)).to.deep.equal([3]);
    expect(events(plain.stdout).map((line) => line.event)).not.to.include('httpReply');

    writeJson(dir, 'webhook.json', { body: query, query, method: 'GET', url: '/hook/64f0c0ffee00000000000001', headers: { reply_to: 'local' } });
    const awaited = await runCli(['run', 'registerButton', '--credential', 'credential.json', '--cfg', 'step.json', '--msg', 'webhook.json'], { cwd: dir });
    const reply = events(awaited.stdout).find((line) => line.event === 'httpReply');
    expect(reply?.body).to.deep.include({ statusCode: 302 });
    expect((reply?.body?.headers as Record<string, string>).Location).to.equal(RETURN_URL);
  });
});
