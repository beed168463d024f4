/**
 * Labels (CSV headers, type column values, text labels) are compared in a normalized form:
 * lower case, accents removed, punctuation and currency units such as "(€)" or "EUR" dropped
 * ("(HT)" and "(TTC)" are kept as words: they tell a net column from a gross one),
 * spaces collapsed. "N° de Facture (€)" → "n de facture". Words run together the way accounting
 * tools name columns ("InvoiceNumber", "AmountDue": Xero's export) are taken apart first.
 */
export function normalizeLabel(label: string): string {
  return label
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\((?:€|eur|euros?|\$|usd|£|gbp|chf)\)/g, ' ')
    .replace(/\b(?:en )?(?:eur|euros?)\b/g, ' ')
    .replace(/[€$£%]/g, ' ')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
