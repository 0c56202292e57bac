import { AppError } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { ingest, MAX_INGEST_CHARS, type IngestResult } from '../../ingest/index.ts';
import type { Actor } from '../access/actor.ts';
import type { AgreementService } from '../agreement/agreement.service.ts';
import type { ClauseService } from '../clause/clause.service.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import type { IndicatorService } from '../indicator/indicator.service.ts';
import type { PeriodService } from '../period/period.service.ts';
import { projectKindOfName } from '../project/project-kind.ts';
import type { ProjectService } from '../project/project.service.ts';
import type { CommitInput, CommitItem } from './ingest.schemas.ts';

/** A heading the text did not give ("在A、B、C等方面" lists have none). */
const UNTITLED_AREA = '合作事项';
const CLAUSE_LEVELS = ['area', 'direction', 'measure'] as const;


/** Spans are kept only when they point inside the saved text. */
function spanWithin(text: string, item: { start?: number | undefined; end?: number | undefined }) {
  const { start, end } = item;
  return typeof start === 'number' && typeof end === 'number' && start <= end && end <= text.length ? { spanStart: start, spanEnd: end } : {};
}

export interface IngestDeps {
  cooperation: CooperationService;
  agreement: AgreementService;
  clause: ClauseService;
  project: ProjectService;
  indicator: IndicatorService;
  period: PeriodService;
}

export function createIngestService(db: Db, deps: IngestDeps) {
  return {
    analyse(text: string): IngestResult {
      if (text.length > MAX_INGEST_CHARS) {
        throw new AppError('ingest.too_large', 413, `The text has ${text.length} characters; at most ${MAX_INGEST_CHARS} are read at once`);
      }
      return ingest(text);
    },

    /** Saves a checked proposal: cooperation, parties, agreement and text, clause tree, sub-agreements, projects, targets — all or nothing. */
    async commit(actor: Actor, input: CommitInput) {
      return writeTransaction(db, 'ingest', async (tx) => {
        let acting = actor;
        let cooperationId = input.cooperationId;
        if (!cooperationId) {
          if (!input.cooperation) throw new AppError('ingest.cooperation_required', 400, 'Name the cooperation to create or to add to');
          const created = await deps.cooperation.createIn(tx, actor, {
            ...input.cooperation,
            principles: [],
            status: 'active',
            startedOn: input.agreement.signedOn ?? null,
            parties: input.parties,
            offices: input.offices,
          });
          cooperationId = created.cooperation.id;
          // The creator is now the office of its own side (an admin of none): the rest of the save is done as that.
          acting = created.acting;
          if (input.periods !== 'none') await deps.period.generateThisYearIn(tx, acting, cooperationId, input.periods);
        }
        const text = input.agreement.text;
        const agreement = await deps.agreement.createIn(tx, acting, cooperationId, {
          kind: input.agreement.kind,
          title: input.agreement.title,
          signedOn: input.agreement.signedOn ?? null,
          place: input.agreement.place ?? null,
          parentId: input.agreement.parentId ?? null,
          signatories: [],
          source: null,
          visibility: 'parties',
          text,
        });
        let clauseCount = 0;
        const addItems = async (items: CommitItem[], parentId: string, depth: number) => {
          for (const [ordinal, item] of items.entries()) {
            const clause = await deps.clause.createIn(tx, acting, agreement.id, {
              parentId,
              level: CLAUSE_LEVELS[Math.min(depth, CLAUSE_LEVELS.length - 1)] ?? 'measure',
              label: item.label ?? null,
              title: item.title,
              ordinal,
              ...spanWithin(text, item),
            });
            clauseCount++;
            if (item.items?.length) await addItems(item.items, clause.id, depth + 1);
          }
        };
        for (const [ordinal, area] of input.areas.entries()) {
          const clause = await deps.clause.createIn(tx, acting, agreement.id, {
            level: 'area',
            label: area.label ?? null,
            title: area.title || UNTITLED_AREA,
            ordinal,
            ...spanWithin(text, area),
          });
          clauseCount++;
          await addItems(area.items, clause.id, 1);
        }
        for (const title of input.sub_agreements) {
          await deps.agreement.createIn(tx, acting, cooperationId, {
            parentId: agreement.id,
            kind: 'other',
            title,
            signedOn: input.agreement.signedOn ?? null,
            place: input.agreement.place ?? null,
            signatories: [],
            source: null,
            visibility: 'parties',
            text: '',
          });
        }
        for (const project of input.projects) {
          const span = spanWithin(text, project);
          await deps.project.createIn(tx, acting, cooperationId, {
            name: project.name,
            kind: projectKindOfName(project.name),
            stage: 'signed',
            visibility: 'parties',
            sourceStart: span.spanStart ?? null,
            sourceEnd: span.spanEnd ?? null,
          });
        }
        const indicatorIds = new Set<string>();
        for (const target of input.targets) {
          const indicator = await deps.indicator.createIn(tx, acting, cooperationId, {
            name: target.indicator,
            unit: target.unit,
            visibility: 'parties',
            targets: [
              {
                year: target.year,
                value: String(target.value),
                valueMax: target.value_max === null || target.value_max === undefined ? null : String(target.value_max),
                comparator: target.comparator,
                sourceText: target.text ?? null,
              },
            ],
          });
          indicatorIds.add(indicator.id);
        }
        return {
          cooperationId,
          agreementId: agreement.id,
          created: { clauses: clauseCount, subAgreements: input.sub_agreements.length, projects: input.projects.length, indicators: indicatorIds.size },
        };
      });
    },
  };
}
