import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { withBenchDatabase } from './bench-database.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

async function seconds<T>(work: () => Promise<T>): Promise<{ value: T; s: string; peakMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const value = await work();
    return { value, s: `${((performance.now() - started) / 1000).toFixed(1)} s`, peakMb: Math.round((peak - before) / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * A 10,000-row task ledger through the import on PostgreSQL: a file of new tasks checked and committed, then the
 * ledger exported and the same file with a tenth of its rows changed checked and committed again. Each step once,
 * with the memory the process grew by while it ran.
 */
export async function benchLedgerImport(): Promise<string[]> {
  return withBenchDatabase(async (_database, services) => {
    await seedDemo(services);
    const { items } = await services.cooperation.list(SYSTEM_ACTOR, { q: '青岛—深圳', page: 1, pageSize: 1 });
    const cooperationId = items[0]?.id;
    if (!cooperationId) throw new Error('demo cooperation 青岛—深圳 missing');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('任务台账');
    sheet.addRow(['任务名称', '牵头单位（青岛市）', '牵头单位（深圳市）', '截止日期', '优先级']);
    for (let i = 1; i <= ROWS; i++) sheet.addRow([`台账导入任务 ${i}`, '青岛市科学技术局', '深圳市科技创新局', `2027年${(i % 12) + 1}月${(i % 28) + 1}日`, i % 7 ? '一般' : '高']);
    const fresh = Buffer.from(await book.xlsx.writeBuffer());
    const lines = [`file of ${ROWS.toLocaleString('en')} new tasks: ${(fresh.length / 1024).toFixed(0)} KiB`];

    const file = { fileName: 'bench.xlsx', data: fresh };
    const dry = await seconds(() => services.ledgerExchange.import(SYSTEM_ACTOR, cooperationId, file, 'dry-run', {}));
    lines.push(`dry run, ${dry.value.summary.create} to create: ${dry.s}, memory +${dry.peakMb} MB`);
    const commit = await seconds(() => services.ledgerExchange.import(SYSTEM_ACTOR, cooperationId, file, 'commit', {}));
    lines.push(`commit, ${commit.value.summary.create} created in one transaction: ${commit.s}, memory +${commit.peakMb} MB`);

    const exported = await seconds(() => services.ledgerExchange.export(SYSTEM_ACTOR, cooperationId, { sort: 'title', order: 'asc', q: '台账导入任务' }, 'xlsx', 'zh-CN'));
    lines.push(`export of ${ROWS.toLocaleString('en')} rows as xlsx: ${exported.s}, ${(exported.value.body.length / 1024).toFixed(0)} KiB`);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(exported.value.body.buffer.slice(exported.value.body.byteOffset, exported.value.body.byteOffset + exported.value.body.length) as ArrayBuffer);
    const ledger = back.getWorksheet('任务台账');
    if (!ledger) throw new Error('no ledger sheet in the export');
    const headers = (ledger.getRow(1).values as unknown[]).map(String);
    for (let r = 2; r <= ROWS + 1; r += 10) ledger.getRow(r).getCell(headers.indexOf('优先级')).value = '紧急';
    const changed = { fileName: 'bench.xlsx', data: Buffer.from(await back.xlsx.writeBuffer()) };
    const dryUpdate = await seconds(() => services.ledgerExchange.import(SYSTEM_ACTOR, cooperationId, changed, 'dry-run', {}));
    lines.push(`dry run of the exported file with every tenth row changed (${dryUpdate.value.summary.update} updates, ${dryUpdate.value.summary.unchanged} unchanged): ${dryUpdate.s}, memory +${dryUpdate.peakMb} MB`);
    const commitUpdate = await seconds(() => services.ledgerExchange.import(SYSTEM_ACTOR, cooperationId, changed, 'commit', {}));
    lines.push(`its commit: ${commitUpdate.s}, memory +${commitUpdate.peakMb} MB`);
    return lines;
  });
}
