import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import { cooperationRepository } from '../modules/cooperation/cooperation.repository.ts';
import { organizationRepository } from '../modules/organization/organization.repository.ts';
import { projectKindOfName } from '../modules/project/project-kind.ts';
import type { Services } from '../app/services.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { seedDemoIndicators } from './demo-indicators.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { seedDemoReports } from './demo-reports.ts';
import { seedDemoTasks } from './demo-tasks.ts';
import { DEMO_COOPERATIONS, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, type DemoCooperation } from './demo-cooperations.ts';

const SEEDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seeds');

const annotationSchema = z.object({
  signed_on: z.string().nullable().optional(),
  areas: z.array(
    z.object({
      label: z.string().nullable(),
      title: z.string().nullable(),
      items: z.array(z.object({ label: z.string().nullable(), title: z.string() })),
    }),
  ),
  projects: z.array(z.string()).default([]),
  targets: z
    .array(
      z.object({
        text: z.string(),
        year: z.number().int().nullable(),
        indicator: z.string(),
        value: z.number(),
        value_max: z.number().nullable().optional(),
        unit: z.string(),
        comparator: z.enum(['=', '≈', '>', '>=']),
      }),
    )
    .default([]),
});

function readSeed(seed: string) {
  const text = fs.readFileSync(path.join(SEEDS_DIR, `${seed}.txt`), 'utf8');
  const annotation = annotationSchema.parse(JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, `${seed}.json`), 'utf8')));
  return { text, annotation };
}

/** The span of `needle` at or after `from`, so repeated phrases map to the occurrence in reading order. */
function spanOf(text: string, needle: string | null, from: number): { spanStart: number; spanEnd: number } | Record<string, never> {
  if (!needle) return {};
  const at = text.indexOf(needle, from);
  const found = at >= 0 ? at : text.indexOf(needle);
  return found >= 0 ? { spanStart: found, spanEnd: found + needle.length } : {};
}


const decimal = (n: number) => String(n);


async function seedCooperation(services: Services, def: DemoCooperation, unitIds: Map<string, string>) {
  const { text, annotation } = readSeed(def.seed);
  const actor = SYSTEM_ACTOR;
  const cooperation = await services.cooperation.create(actor, {
    name: def.name,
    summary: def.summary,
    principles: def.principles,
    status: 'active',
    visibility: def.visibility,
    startedOn: def.agreement.signedOn,
    parties: def.parties.map((p) => ({ regionCode: p.regionCode, coordinatingOrganizationId: p.coordinatingUnit ? unitIds.get(p.coordinatingUnit) : null })),
  });
  await writeTransaction(services.database.db, 'agreement', async (tx) => {
    const framework = await services.agreement.createIn(tx, actor, cooperation.id, {
      kind: 'framework',
      title: def.agreement.title,
      signedOn: def.agreement.signedOn ?? annotation.signed_on ?? null,
      place: def.agreement.place,
      signatories: def.agreement.signatories,
      source: def.source,
      visibility: def.visibility,
      text,
    });
    let cursor = 0;
    for (const [areaIndex, area] of annotation.areas.entries()) {
      const areaSpan = spanOf(text, area.title || null, cursor);
      const areaClause = await services.clause.createIn(tx, actor, framework.id, {
        level: 'area',
        label: area.label,
        title: area.title || def.defaultAreaTitle,
        ordinal: areaIndex,
        ...areaSpan,
      });
      cursor = areaSpan.spanEnd ?? cursor;
      for (const [itemIndex, item] of area.items.entries()) {
        const itemSpan = spanOf(text, item.title, cursor);
        await services.clause.createIn(tx, actor, framework.id, {
          parentId: areaClause.id,
          level: 'direction',
          label: item.label,
          title: item.title,
          ordinal: itemIndex,
          ...itemSpan,
        });
        cursor = itemSpan.spanEnd ?? cursor;
      }
    }
    for (const sub of def.subAgreements) {
      await services.agreement.createIn(tx, actor, cooperation.id, {
        parentId: framework.id,
        kind: sub.kind,
        title: sub.title,
        signedOn: def.agreement.signedOn,
        place: def.agreement.place,
        signatories: [],
        source: def.source,
        visibility: def.visibility,
        text: '',
      });
    }
    for (const name of annotation.projects) {
      const span = spanOf(text, name, 0);
      await services.project.createIn(tx, actor, cooperation.id, {
        name,
        kind: projectKindOfName(name),
        stage: 'signed',
        visibility: def.visibility,
        sourceStart: span.spanStart ?? null,
        sourceEnd: span.spanEnd ?? null,
      });
    }
    for (const target of annotation.targets) {
      const max = target.value_max ?? null;
      await services.indicator.createIn(tx, actor, cooperation.id, {
        name: target.indicator,
        unit: target.unit,
        visibility: def.visibility,
        targets: [
          {
            year: target.year,
            value: decimal(target.value),
            valueMax: max === null ? null : decimal(max),
            // "2-3家" is a range in the text's words, read as at least its lower end.
            comparator: max === null ? target.comparator : 'range',
            sourceText: target.text,
          },
        ],
      });
    }
  });
  return cooperation;
}

export interface DemoLogin {
  username: string;
  displayName: string;
  password: string;
}

/** Builds the demo on an empty database: units, the five cooperations, memberships, users. */
export async function seedDemo(services: Services): Promise<DemoLogin[]> {
  const { db } = services.database;
  const unitIds = new Map<string, string>();
  for (const unit of DEMO_UNITS) {
    const existing = await organizationRepository.findByName(db, unit.regionCode, unit.name);
    unitIds.set(unit.name, existing?.id ?? (await services.organization.create(SYSTEM_ACTOR, { ...unit, parentId: null })).id);
  }
  const cooperationIds = new Map<string, string>();
  for (const def of DEMO_COOPERATIONS) {
    const existing = await cooperationRepository.findByName(db, def.name);
    cooperationIds.set(def.key, existing?.id ?? (await seedCooperation(services, def, unitIds)).id);
  }
  const logins: DemoLogin[] = [];
  const admin = { username: 'admin', displayName: '平台管理员', password: DEMO_PASSWORD };
  for (const user of [{ ...admin, unit: null, roles: [] }, ...DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD }))]) {
    const created = await services.user.create(
      SYSTEM_ACTOR,
      { username: user.username, displayName: user.displayName, password: user.password, isAdmin: user.username === 'admin', organizationId: user.unit ? unitIds.get(user.unit) : null },
    );
    for (const role of user.roles) {
      const cooperationId = cooperationIds.get(role.cooperation);
      if (!cooperationId) continue;
      const cooperation = await services.cooperation.get(SYSTEM_ACTOR, cooperationId);
      const party = cooperation.parties.find((p) => p.regionCode === role.party);
      if (party) await services.cooperation.addMembership(SYSTEM_ACTOR, cooperationId, { username: created.username, partyId: party.id, role: role.role });
    }
    logins.push({ username: user.username, displayName: user.displayName, password: user.password });
  }
  await seedDemoTasks(services);
  await seedDemoReports(services);
  await seedDemoProjects(services);
  await seedDemoIndicators(services);
  return logins;
}
