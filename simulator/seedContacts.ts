/** Contact sub-objects (Addresses, Phones, Emails) as the API nests them. */
import { Prng } from './prng';
import { CITIES, STREETS } from './seedData';
import { WireObject } from './types';
import { wrapList } from './wire';

/** Sizes of a seeded contact's lists. */
export interface ContactShape {
  addresses: number;
  phones: number;
  emails: number;
}

/** An empty Contact, as a create without one produces. */
export function emptyContact(contactID: number, stamp: string): WireObject {
  return {
    contactID: String(contactID),
    custom: '',
    noEmail: 'false',
    noPhone: 'false',
    noMail: 'false',
    Addresses: '',
    Phones: '',
    Emails: '',
    Websites: '',
    timeStamp: stamp,
  };
}

/** A Contact with the given number of addresses, phones and emails. */
export function seededContact(rng: Prng, contactID: number, emailLocal: string, shape: ContactShape, stamp: string): WireObject {
  const contact = emptyContact(contactID, stamp);
  const addresses: WireObject[] = [];
  for (let i = 0; i < shape.addresses; i++) {
    const [city, state, stateCode] = rng.pick(CITIES);
    const canadian = ['QC', 'ON', 'BC'].includes(stateCode);
    addresses.push({
      address1: `${rng.int(1, 9999)} ${rng.pick(STREETS)}`,
      address2: '',
      city,
      state,
      stateCode,
      zip: canadian ? `H${rng.int(1, 9)}X ${rng.int(1, 9)}Y${rng.int(1, 9)}` : String(rng.int(10000, 99999)),
      country: canadian ? 'Canada' : 'United States',
      countryCode: canadian ? 'CA' : 'US',
    });
  }
  const phoneTypes = ['Mobile', 'Home', 'Work'];
  const phones: WireObject[] = [];
  for (let i = 0; i < shape.phones; i++) {
    phones.push({ number: `555-${rng.int(100, 999)}-${rng.int(1000, 9999)}`, useType: phoneTypes[i % phoneTypes.length] });
  }
  const emails: WireObject[] = [];
  for (let i = 0; i < shape.emails; i++) {
    emails.push({ address: `${emailLocal}${i ? `.${i + 1}` : ''}@example.com`, useType: i === 0 ? 'Primary' : 'Secondary' });
  }
  contact.Addresses = wrapList('ContactAddress', addresses);
  contact.Phones = wrapList('ContactPhone', phones);
  contact.Emails = wrapList('ContactEmail', emails);
  return contact;
}
