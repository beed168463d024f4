import { describe, expect, it } from 'vitest';
import { findEmbeddedInvoice } from '../../../src/parse/pdf/e-invoice.js';

const file = (name: string): { name: string; bytes: Uint8Array } => ({
  name,
  bytes: new TextEncoder().encode(`<xml name="${name}"/>`),
});

describe('findEmbeddedInvoice', () => {
  it.each([
    ['factur-x.xml', 'Factur-X'],
    ['zugferd-invoice.xml', 'ZUGFeRD'],
    ['ZUGFeRD-invoice.xml', 'ZUGFeRD'],
    ['xrechnung.xml', 'XRechnung'],
  ])('names %s as %s and hands over its bytes', (name, standard) => {
    const found = findEmbeddedInvoice([file('conditions-generales.pdf'), file(name)]);
    expect(found?.name).toBe(name);
    expect(found?.standard).toBe(standard);
    expect(new TextDecoder().decode(found?.bytes)).toBe(`<xml name="${name}"/>`);
  });

  it('finds none among other attachments, an XML of another name included', () => {
    expect(findEmbeddedInvoice([file('invoice.xml'), file('factur-x.xml.bak'), file('logo.png')])).toBeUndefined();
    expect(findEmbeddedInvoice([])).toBeUndefined();
  });
});
