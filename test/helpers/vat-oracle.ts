/**
 * VAT splits computed apart from billcheck's arithmetic, with integers, as an operator's billing
 * system does: HT = TTC / (1 + rate) and TVA = HT × rate, rounded to the cent half away from
 * zero. Tests build their expectations with these, never with the code they test.
 */

/** "20" → 2000, "5.5" → 550, "2.1" → 210: hundredths of a percent. */
function rateHundredths(percent: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(percent);
  if (match === null) throw new Error(`not a rate: ${percent}`);
  return BigInt(match[1] as string) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
function roundedDivision(numerator: bigint, denominator: bigint): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

const cents = (value: bigint): string => {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
};

/** The net of a tax-inclusive price, as "12.34". */
export function netOfGross(grossCents: number, percent: string): string {
  const rate = rateHundredths(percent);
  return cents(roundedDivision(BigInt(grossCents) * 10000n, 10000n + rate));
}

/** The net of a tax-inclusive price given as "12.34". */
export function netOfGrossText(gross: string, percent: string): string {
  return netOfGross(Number(gross.replace('.', '')), percent);
}

/** The VAT on a net amount in cents, as "12.34". */
export function taxOnNet(netCents: number, percent: string): string {
  return cents(roundedDivision(BigInt(netCents) * rateHundredths(percent), 10000n));
}
