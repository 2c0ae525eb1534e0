import { expect } from 'chai';
import { Simulator } from '../../simulator';
import { loadEntities } from '../../simulator/catalog';
import { api, records, useSimulatorWithEntities } from './helpers';

describe('simulator catalog routing', () => {
  it('shares tables between views of the same records', () => {
    const entities = new Map(loadEntities().map((e) => [e.name, e]));
    expect(entities.get('SaleSaleLine')?.table).to.equal('SaleLine');
    expect(entities.get('ItemImage')?.table).to.equal('Image');
    expect(entities.get('DisplayTemplateSale')?.table).to.equal('Sale');
    expect(entities.get('InventoryTransfer')?.table).to.equal('Transfer');
    expect(entities.get('ItemCustomField')?.table).to.equal('ItemCustomField');
    expect(entities.get('CustomerCustomField')?.table).to.equal('CustomerCustomField');
  });

  it('corrects documented path slips (placeholders, missing .json)', () => {
    const entities = new Map(loadEntities({ entitiesPath: '/nonexistent.json' }).map((e) => [e.name, e]));
    const templates = (name: string): string[] => (entities.get(name)?.templates ?? []).map((t) => `${t.verb} ${t.template}`);
    expect(templates('WorkorderLine')).to.include('read WorkorderLine/{workorderLineID}.json');
    expect(templates('ItemImage')).to.include('create Item/{itemID}/Image.json');
    expect(templates('SalePaymentSalePaymentSignature')).to.include('create SalePayment/{salePaymentID}/SalePaymentSignature.json');
  });

  describe('with a project entities.json', () => {
    let sim: Simulator;
    let token: string;
    const tag = { name: 'Tag', root: 'account', responseKey: 'Tag', paths: { query: '/API/V3/Account/{accountID}/Labels/Tag.json', read: null, create: null, update: null, delete: null } };
    useSimulatorWithEntities([tag], (started, startedToken) => { sim = started; token = startedToken; });

    it('serves the paths it lists as well as the catalog ones', async () => {
      await api(sim, token, 'Tag.json', { method: 'POST', body: { name: 'summer' } });
      expect(records((await api(sim, token, 'Labels/Tag.json')).body, 'Tag').map((t) => t.name)).to.deep.equal(['summer']);
      expect(records((await api(sim, token, 'Tag.json')).body, 'Tag').map((t) => t.name)).to.deep.equal(['summer']);
    });

    it('serves DisplayTemplate views, Session.json, Locale.json, and refuses other accounts', async () => {
      expect((await api(sim, token, 'DisplayTemplate/Sale/1.json')).body.Sale).to.include({ saleID: '1' });
      const session = await api(sim, token, '/API/Session.json');
      expect(session.status).to.equal(200);
      expect(session.body).to.include({ systemCustomerID: '123456', shopCount: '2' });
      expect((await api(sim, token, '/API/Locale.json')).body).to.deep.equal({ '@attributes': { next: '', previous: '' } });
      const other = await api(sim, token, '/API/V3/Account/999/Item.json');
      expect(other.status).to.equal(403);
      expect(other.body.httpCode).to.equal('403');
    });
  });
});
