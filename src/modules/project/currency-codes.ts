/** ISO 4217 currencies as the runtime's ICU knows them; an amount in any other code is refused (money.unknown_currency). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
