// Validation helpers shared by schemas. Intl is the source of truth so that the server accepts
// exactly the zones and currencies the browser can format.
const zones = new Set(Intl.supportedValuesOf('timeZone'));
const currencies = new Set(Intl.supportedValuesOf('currency'));

export function isIanaTimeZone(value: string): boolean {
  if (zones.has(value) || value === 'UTC') return true;
  try {
    // Aliases such as "Asia/Calcutta" are valid but not listed by supportedValuesOf.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/');
  } catch {
    return false;
  }
}

export function isIsoCurrency(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && currencies.has(value);
}
