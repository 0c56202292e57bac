import { benchIndicatorFormulas } from './indicator-formula.bench.ts';
import { benchIngest } from './ingest.bench.ts';
import { benchLedger } from './ledger.bench.ts';
import { benchLedgerImport } from './ledger-import.bench.ts';
import { benchOverview } from './overview.bench.ts';
import { benchFirstScreen } from './first-screen.bench.ts';
import { benchProjectTotals } from './project-totals.bench.ts';

/** `npm run bench`: every benchmark in one run, so the ratios compare like with like. */
const sections: [string, () => Promise<string[]>][] = [
  ['ingestion', benchIngest],
  ['task ledger on PostgreSQL', benchLedger],
  ['a 10,000-row task ledger import on PostgreSQL', benchLedgerImport],
  ["a cooperation's project totals on PostgreSQL", benchProjectTotals],
  ['formula indicators on PostgreSQL', benchIndicatorFormulas],
  ['the national overview on PostgreSQL', benchOverview],
  ['the first screen after login in Chromium', benchFirstScreen],
];

for (const [name, run] of sections) {
  console.log(`\n== ${name}`);
  for (const line of await run()) console.log(`  ${line}`);
}
