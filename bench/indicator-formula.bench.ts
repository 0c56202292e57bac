import { sql } from 'drizzle-orm';
import { writeTransaction } from '../src/db/write-transaction.ts';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.ts';
import { ms, time } from './stats.ts';
import { withBenchDatabase } from './bench-database.ts';

const TRADES = Number(process.env.BENCH_TRADES ?? 20_000);
const FORMULAS = Number(process.env.BENCH_FORMULAS ?? 10);
const BUDGET_MS = 200;

/**
 * One cooperation with eight years of quarterly periods, TRADES cross-side transactions and FORMULAS formula
 * indicators: entering one more transaction recomputes every formula indicator of the cooperation inside the
 * writing transaction. Timed is the whole write (the entry, its audit and the recomputation), rolled back each round
 * so every round starts from the same data.
 */
export async function benchIndicatorFormulas(): Promise<string[]> {
  return withBenchDatabase(async (database, services) => {
    const { db } = database;
    const cooperation = await services.cooperation.create(SYSTEM_ACTOR, { name: 'bench指标合作', summary: '', principles: [], status: 'active', visibility: 'parties', parties: [{ regionCode: '210200' }, { regionCode: '370600' }] });
    const [dalian, yantai] = cooperation.parties.map((p) => p.id);
    if (!dalian || !yantai) throw new Error('bench parties missing');
    await services.period.generate(SYSTEM_ACTOR, cooperation.id, { kind: 'quarterly', from: '2019-01-01', to: '2026-12-31', dueAfterDays: 15 });
    const started = Date.now();
    await db.execute(sql`
      insert into cross_side_transactions (cooperation_id, kind, "on", from_party_id, to_party_id, quantity, unit, amount, currency)
      select ${cooperation.id}, 'green_certificate', date '2019-01-01' + (g % 2880), ${yantai}, ${dalian}, 100 + g % 900, '张', 5 * (100 + g % 900), 'CNY'
      from generate_series(1, ${TRADES}) as g`);
    for (let i = 0; i < FORMULAS; i++) {
      await services.indicator.create(SYSTEM_ACTOR, cooperation.id, {
        name: `绿证指标${i}`,
        unit: '张',
        rollup: i % 2 ? 'sum_per_year' : 'cumulative',
        baseline: '0',
        baselineOn: '2019-01-01',
        visibility: 'parties',
        formula: { measure: i % 3 ? 'cross_side_quantity' : 'cross_side_amount', where: { crossSideKind: 'green_certificate', fromPartyId: yantai }, currency: null, divisor: 1 },
        targets: [{ year: 2026, value: '1000000', comparator: '>=' }],
      });
    }
    const lines = [`one cooperation: 32 quarterly periods, ${TRADES.toLocaleString('en')} cross-side transactions, ${FORMULAS} formula indicators, set up in ${((Date.now() - started) / 1000).toFixed(1)} s`];
    const rollback = new Error('bench rollback');
    const timing = await time(async () => {
      await writeTransaction(db, 'cross_side_transaction', async (tx) => {
        await services.crossSideTransaction.createIn(tx, SYSTEM_ACTOR, cooperation.id, { on: '2026-08-15', kind: 'green_certificate', fromPartyId: yantai, toPartyId: dalian, quantity: '500', unit: '张', amount: '2500', currency: 'CNY', visibility: 'parties' });
        throw rollback;
      }).catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    }, 20);
    lines.push(
      `a transaction entered, every formula indicator recomputed   p95 ${ms(timing.p95).padStart(9)}  median ${ms(timing.median).padStart(9)}  = ${(timing.p95 / BUDGET_MS).toFixed(2)}× the ${BUDGET_MS} ms budget`,
    );
    return lines;
  });
}
