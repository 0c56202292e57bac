ALTER TABLE "audit_log" ADD COLUMN "scope_type" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "scope_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "scope_visibility" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "scope_party_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "held_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "held_by_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "held_by_party_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_scope_idx" ON "audit_log" USING btree ("scope_type","scope_id");--> statement-breakpoint
-- Backfill: every existing entry gets the scope of the row it is about, as the write path now records it (policy
-- AuditScope). Only the new columns are written; what the hash covers stays as it was, so existing chains verify.
-- A row deleted since is read as it was when deleted: the last state its entries recorded.
CREATE TEMP TABLE "audit_backfill_last_state" ON COMMIT DROP AS
SELECT DISTINCT ON ("entity", "entity_id") "entity", "entity_id",
	CASE WHEN "after" ->> 'visibility' IS NOT NULL THEN "after" ELSE "before" END AS "state"
FROM "audit_log"
WHERE "entity" IN ('task', 'agreement', 'project', 'indicator') AND coalesce("after" ->> 'visibility', "before" ->> 'visibility') IS NOT NULL
ORDER BY "entity", "entity_id", "seq" DESC;--> statement-breakpoint
CREATE TEMP TABLE "audit_backfill_subject" ON COMMIT DROP AS
SELECT 'task' AS "type", "id"::text AS "id", "visibility", "owner_party_id" FROM "tasks"
UNION ALL SELECT 'agreement', "id"::text, "visibility", "owner_party_id" FROM "agreements"
UNION ALL SELECT 'project', "id"::text, "visibility", "owner_party_id" FROM "projects"
UNION ALL SELECT 'indicator', "id"::text, "visibility", "owner_party_id" FROM "indicators"
UNION ALL
SELECT s."entity", s."entity_id", s."state" ->> 'visibility', (s."state" ->> 'ownerPartyId')::uuid
FROM "audit_backfill_last_state" AS s
WHERE NOT EXISTS (SELECT 1 FROM "tasks" AS t WHERE s."entity" = 'task' AND t."id"::text = s."entity_id")
	AND NOT EXISTS (SELECT 1 FROM "agreements" AS g WHERE s."entity" = 'agreement' AND g."id"::text = s."entity_id")
	AND NOT EXISTS (SELECT 1 FROM "projects" AS p WHERE s."entity" = 'project' AND p."id"::text = s."entity_id")
	AND NOT EXISTS (SELECT 1 FROM "indicators" AS i WHERE s."entity" = 'indicator' AND i."id"::text = s."entity_id");--> statement-breakpoint
-- Reports, live and deleted (with their task), and who holds a draft: its author, its unit on its side.
CREATE TEMP TABLE "audit_backfill_report" ON COMMIT DROP AS
SELECT "id"::text AS "id", "task_id"::text AS "task_id", "party_id", "organization_id", "author_id", "status"::text AS "status" FROM "progress_reports"
UNION ALL (
	SELECT DISTINCT ON (r."entity_id") r."entity_id", r."after" ->> 'taskId', (r."after" ->> 'partyId')::uuid, (r."after" ->> 'organizationId')::uuid,
		(r."after" ->> 'authorId')::uuid, r."after" ->> 'status'
	FROM "audit_log" AS r
	WHERE r."entity" = 'report' AND r."after" ->> 'taskId' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "progress_reports" AS p WHERE p."id"::text = r."entity_id")
	ORDER BY r."entity_id", r."seq" DESC
);--> statement-breakpoint
UPDATE "audit_log" SET "scope_type" = "entity", "scope_id" = "entity_id"::uuid WHERE "entity" IN ('task', 'agreement', 'project', 'indicator');--> statement-breakpoint
UPDATE "audit_log" SET "scope_type" = 'agreement', "scope_id" = coalesce("after" ->> 'agreementId', "before" ->> 'agreementId')::uuid WHERE "entity" = 'clause';--> statement-breakpoint
UPDATE "audit_log" AS a SET "scope_type" = 'task', "scope_id" = coalesce(
	a."after" ->> 'taskId',
	a."before" ->> 'taskId',
	(SELECT m."task_id"::text FROM "milestones" AS m WHERE m."id"::text = a."entity_id"),
	(SELECT coalesce(c."after" ->> 'taskId', c."before" ->> 'taskId') FROM "audit_log" AS c
		WHERE c."entity" = 'milestone' AND c."entity_id" = a."entity_id" AND coalesce(c."after" ->> 'taskId', c."before" ->> 'taskId') IS NOT NULL LIMIT 1),
	(SELECT r."task_id" FROM "audit_backfill_report" AS r WHERE r."id" = a."after" ->> 'byReport')
)::uuid WHERE a."entity" = 'milestone';--> statement-breakpoint
UPDATE "audit_log" AS a SET "scope_type" = 'task', "scope_id" = coalesce(
	a."after" ->> 'taskId',
	(SELECT n."task_id"::text FROM "supervision_notices" AS n WHERE n."id"::text = a."entity_id"),
	(SELECT c."after" ->> 'taskId' FROM "audit_log" AS c WHERE c."entity" = 'supervision_notice' AND c."entity_id" = a."entity_id" AND c."after" ->> 'taskId' IS NOT NULL LIMIT 1)
)::uuid WHERE a."entity" = 'supervision_notice';--> statement-breakpoint
UPDATE "audit_log" AS a SET "scope_type" = 'task', "scope_id" = coalesce(
	(SELECT r."task_id" FROM "audit_backfill_report" AS r WHERE r."id" = a."entity_id"),
	a."after" ->> 'taskId'
)::uuid WHERE a."entity" = 'report';--> statement-breakpoint
UPDATE "audit_log" AS a SET "scope_type" = 'task', "scope_id" = (CASE a."after" ->> 'subjectType'
	WHEN 'report' THEN (SELECT r."task_id" FROM "audit_backfill_report" AS r WHERE r."id" = a."after" ->> 'subjectId')
	ELSE a."after" ->> 'subjectId'
END)::uuid WHERE a."entity" IN ('approval', 'comment');--> statement-breakpoint
UPDATE "audit_log" AS a SET "scope_type" = 'task', "scope_id" = (CASE a."after" ->> 'ownerType'
	WHEN 'report' THEN (SELECT r."task_id" FROM "audit_backfill_report" AS r WHERE r."id" = a."after" ->> 'ownerId')
	WHEN 'task' THEN a."after" ->> 'ownerId'
END)::uuid WHERE a."entity" = 'attachment';--> statement-breakpoint
UPDATE "audit_log" AS a SET "scope_visibility" = s."visibility", "scope_party_id" = s."owner_party_id"
FROM "audit_backfill_subject" AS s WHERE s."type" = a."scope_type" AND s."id" = a."scope_id"::text;--> statement-breakpoint
-- A report's entries while it was a draft, and comments and evidence on it then, are its unit's.
UPDATE "audit_log" SET "held_by_user_id" = ("after" ->> 'authorId')::uuid, "held_by_organization_id" = ("after" ->> 'organizationId')::uuid,
	"held_by_party_id" = ("after" ->> 'partyId')::uuid
WHERE "entity" = 'report' AND "after" ->> 'status' = 'draft';--> statement-breakpoint
UPDATE "audit_log" AS a SET "held_by_user_id" = r."author_id", "held_by_organization_id" = r."organization_id", "held_by_party_id" = r."party_id"
FROM "audit_backfill_report" AS r
WHERE a."entity" IN ('comment', 'attachment') AND coalesce(a."after" ->> 'subjectType', a."after" ->> 'ownerType') = 'report'
	AND r."id" = coalesce(a."after" ->> 'subjectId', a."after" ->> 'ownerId')
	AND coalesce((
		SELECT e."after" ->> 'status' FROM "audit_log" AS e
		WHERE e."entity" = 'report' AND e."entity_id" = r."id" AND e."seq" < a."seq" AND e."after" ->> 'status' IS NOT NULL
		ORDER BY e."seq" DESC LIMIT 1
	), r."status") = 'draft';--> statement-breakpoint
-- An API token's entries are its user's.
UPDATE "audit_log" AS a SET "held_by_user_id" = coalesce(
	(SELECT t."user_id" FROM "api_tokens" AS t WHERE t."id"::text = a."entity_id"),
	(SELECT (c."after" ->> 'userId')::uuid FROM "audit_log" AS c WHERE c."entity" = 'api_token' AND c."entity_id" = a."entity_id" AND c."after" ->> 'userId' IS NOT NULL LIMIT 1)
) WHERE a."entity" = 'api_token';--> statement-breakpoint
-- What cannot be traced to its row any more is left to administrators (a 'side' row of no side).
UPDATE "audit_log" SET "scope_visibility" = 'side', "scope_party_id" = NULL
WHERE "scope_visibility" IS NULL AND ("entity" IN ('task', 'agreement', 'project', 'indicator', 'clause', 'milestone', 'supervision_notice', 'report', 'approval', 'comment', 'attachment')
	OR ("entity" = 'api_token' AND "held_by_user_id" IS NULL));
