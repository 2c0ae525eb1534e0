import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { parseArgs } from '../../simulator/cli';
import { accessToken, api, refreshTokens } from './helpers';

describe('simulator: answers Lightspeed does not document, on demand', () => {
  let sim: Simulator;
  let token: string;
  beforeEach(async () => {
    sim = await startSimulator({ rateLimit: false });
    token = await accessToken(sim);
  });
  afterEach(() => sim.close());

  it('answers >< on a datetime field with 400 when told to, and still takes it on numbers', async () => {
    const between = `timeStamp=${encodeURIComponent('><,2024-01-01T00:00:00+00:00,2024-01-02T00:00:00+00:00')}`;
    expect((await api(sim, token, `Item.json?${between}`)).status).to.equal(200); // default: accepted
    sim.setOptions({ datetimeBetween: 'reject' });
    const refused = await api(sim, token, `Item.json?${between}`);
    expect(refused.status).to.equal(400);
    expect(refused.body.message).to.equal("Invalid search: operator '><' is not supported for the datetime field 'timeStamp'");
    expect((await api(sim, token, `Item.json?itemID=${encodeURIComponent('><,1,10')}`)).status).to.equal(200);
    expect((await api(sim, token, `Item.json?timeStamp=${encodeURIComponent('>=,2024-01-01T00:00:00+00:00')}`)).status).to.equal(200);
  });

  it('answers a query without records in each shape clients have seen', async () => {
    const none = `Item.json?description=${encodeURIComponent('no such item')}`;
    const shapes: Array<[Simulator['options']['emptyList'], string]> = [
      ['attributes', '{"@attributes":{"next":"","previous":""}}'],
      ['count', '{"@attributes":{"count":"0"}}'],
      ['object', '{}'],
      ['empty', ''],
    ];
    for (const [shape, text] of shapes) {
      sim.setOptions({ emptyList: shape });
      const response = await api(sim, token, none);
      expect(response.status, shape).to.equal(200);
      expect(response.text, shape).to.equal(text);
    }
    expect((await api(sim, token, 'Item.json?limit=1')).body.Item, 'pages with records keep their shape').to.be.an('object');
  });

  it('fails heavy pages the way Cloudflare and Lightspeed do: 524, 520, 522 as HTML, a 500, a 504', async () => {
    for (const answer of [524, 520, 522] as const) {
      sim.setOptions({ heavyPage: { threshold: 10, weightPerRecord: 1, answer } });
      const response = await api(sim, token, 'Item.json?limit=50');
      expect(response.status).to.equal(answer);
      expect(response.headers.get('content-type')).to.equal('text/html');
      expect(response.text).to.match(new RegExp(`<title>api.lightspeedapp.com \\| ${answer}: [^<]+</title>`));
      expect((await api(sim, token, 'Item.json?limit=10')).status).to.equal(200);
    }
    sim.setOptions({ heavyPage: { threshold: 10, weightPerRecord: 1, weightPerRelation: 5, answer: 500 } });
    const relations = encodeURIComponent('["ItemShops"]');
    expect((await api(sim, token, `Item.json?limit=5&load_relations=${relations}`)).body).to.include({ httpCode: '500' });
    expect((await api(sim, token, 'Item.json?limit=5')).status).to.equal(200);
    sim.setOptions({ heavyPage: { threshold: 10, weightPerRecord: 1 } });
    expect((await api(sim, token, 'Item.json?limit=50')).status).to.equal(504);
  });

  it('stalls on a heavy page, then answers 524 as Cloudflare would', async () => {
    sim.setOptions({ heavyPage: { threshold: 10, weightPerRecord: 1, answer: 'stall', delayMs: 300 } });
    const started = Date.now();
    const response = await api(sim, token, 'Item.json?limit=50');
    expect(response.status).to.equal(524);
    expect(Date.now() - started).to.be.at.least(290);
  });

  it('revokes the previous access token at once on a refresh (the 2024 rule), unless told to keep it', async () => {
    /** Refreshes with the pair's refresh token; says whether the pair's access token still works afterwards. */
    const accessSurvivesRefresh = async (pair: Record<string, unknown>): Promise<{ works: boolean; next: Record<string, unknown> }> => {
      expect((await api(sim, String(pair.access_token), 'Item/1.json')).status).to.equal(200);
      const next = (await refreshTokens(sim, String(pair.refresh_token))).body;
      const after = await api(sim, String(pair.access_token), 'Item/1.json');
      if (after.status === 401) expect(after.body.hint).to.equal('Access token has been revoked');
      return { works: after.status === 200, next };
    };
    const first = await accessSurvivesRefresh((await refreshTokens(sim)).body);
    expect(first.works).to.equal(false);
    sim.setOptions({ revokeAccessTokenOnRefresh: false });
    expect((await accessSurvivesRefresh(first.next)).works).to.equal(true);
  });

  it('answers a scope parameter on a refresh with 400 invalid_grant when told to', async () => {
    sim.setOptions({ rejectScopeOnRefresh: true });
    const response = await fetch(sim.credentials.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token', refresh_token: sim.credentials.refreshToken, client_id: sim.credentials.clientId,
        client_secret: sim.credentials.clientSecret, scope: 'employee:all',
      }),
    });
    expect(response.status).to.equal(400);
    expect(await response.json()).to.include({ error: 'invalid_grant' });
    expect((await refreshTokens(sim)).status, 'without scope the same token works').to.equal(200);
  });

  it('fails the token endpoint with 429 and Retry-After, or a 5xx, when told to', async () => {
    sim.setOptions({ failures: parseArgs(['--token-failures', '429x1', '--token-failures', '503x2']).failures });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push((await refreshTokens(sim).catch(() => ({ status: 0 }))).status);
    expect(answers).to.deep.equal([429, 503, 503, 200]);
  });

  it('switches each answer on from the command line', () => {
    expect(parseArgs([
      '--datetime-between', 'reject', '--empty-list', 'empty', '--heavy-pages', '25:stall', '--token-failures', '429x2',
      '--keep-access-tokens-on-refresh', '--reject-refresh-scope',
    ])).to.deep.equal({
      datetimeBetween: 'reject',
      emptyList: 'empty',
      heavyPage: { threshold: 25, weightPerRecord: 1, answer: 'stall' },
      failures: [{ status: 429, count: 2, match: { path: '/auth/oauth/token' } }],
      revokeAccessTokenOnRefresh: false,
      rejectScopeOnRefresh: true,
    });
    expect(() => parseArgs(['--empty-list', 'nothing'])).to.throw('--empty-list must be one of attributes, count, object, empty');
    expect(() => parseArgs(['--heavy-pages', '25:418'])).to.throw('--heavy-pages needs N[:504|500|520|522|524|stall], got 25:418');
  });
});
