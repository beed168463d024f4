import { describe, expect, it } from 'vitest';
import { escapeHtml, isolated } from '../../../src/report/html/escape.js';

describe('escapeHtml', () => {
  it('turns markup into text, for text and quoted attributes alike', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"><img src=x onerror='alert(1)'>`)).toBe(
      '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;',
    );
    expect(escapeHtml('Fibre & TV')).toBe('Fibre &amp; TV');
  });

  it('shows bidi overrides and control characters instead of obeying them', () => {
    // "0612\u202E345009" would display as "0612900543".
    expect(escapeHtml('0612\u202e345009')).toBe('0612\\u202E345009');
    expect(escapeHtml('a\u2066b\u2069c')).toBe('a\\u2066b\\u2069c');
    expect(escapeHtml('PAY\u001b[2J')).toBe('PAY\\u001B[2J');
  });

  it('keeps ordinary text as it is', () => {
    expect(escapeHtml('149 000,00 € – Échéance')).toBe('149 000,00 € – Échéance');
  });

  it('isolates input text set among other words', () => {
    expect(isolated('<b>x</b>')).toBe('<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>');
  });
});
