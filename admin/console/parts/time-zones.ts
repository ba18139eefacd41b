/** Time zones the browser knows, the usual European ones first (the product's banks are there). */
const FIRST = ['Europe/Rome', 'Europe/Zurich', 'Europe/Berlin', 'Europe/Paris', 'Europe/Madrid', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Vienna', 'Europe/London', 'Europe/Lisbon'];

export function timeZones(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? FIRST;
  return [...FIRST, ...all.filter((z) => !FIRST.includes(z))];
}
