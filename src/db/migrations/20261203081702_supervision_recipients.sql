CREATE TABLE "supervision_notice_recipients" (
	"notice_id" uuid NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	CONSTRAINT "supervision_notice_recipients_notice_id_organization_id_pk" PRIMARY KEY("notice_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "supervision_notice_recipients" ADD CONSTRAINT "supervision_notice_recipients_notice_id_supervision_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."supervision_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_recipients" ADD CONSTRAINT "supervision_notice_recipients_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_recipients" ADD CONSTRAINT "supervision_notice_recipients_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_recipients" ADD CONSTRAINT "supervision_notice_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notice_recipients" ADD CONSTRAINT "supervision_notice_recipients_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_notice_recipients_org_idx" ON "supervision_notice_recipients" USING btree ("organization_id");--> statement-breakpoint
DROP INDEX "supervision_notices_number_uq";--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD COLUMN "issued_year" integer;--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD COLUMN "sequence" integer;--> statement-breakpoint
-- Backfill. A notice issued under no side (by an administrator) becomes its one-sided task's owner side's, else the cooperation's first side's.
UPDATE "supervision_notices" AS n SET "issued_party_id" = coalesce(t."owner_party_id", (
	SELECT p."id" FROM "parties" AS p WHERE p."cooperation_id" = n."cooperation_id" ORDER BY p."ordinal", p."created_at", p."id" LIMIT 1
))
FROM "tasks" AS t WHERE t."id" = n."task_id" AND n."issued_party_id" IS NULL;--> statement-breakpoint
-- The year stays the one printed in the old number 督办〔2026〕N号.
UPDATE "supervision_notices" SET "issued_year" = coalesce(substring("number" from '〔([0-9]{4})〕')::integer, extract(year from "created_at" at time zone 'Asia/Shanghai')::integer);--> statement-breakpoint
-- Numbers restart per issuing side and year, in creation order.
UPDATE "supervision_notices" AS n SET "sequence" = r."seq"
FROM (
	SELECT "id", row_number() OVER (PARTITION BY "cooperation_id", "issued_party_id", "issued_year" ORDER BY "created_at", "id") AS "seq" FROM "supervision_notices"
) AS r WHERE r."id" = n."id";--> statement-breakpoint
-- The printed prefix is the side's short name's first character (青督), or the whole short name when another side of the cooperation starts alike.
UPDATE "supervision_notices" AS n SET "number" = pre."prefix" || '督〔' || n."issued_year" || '〕' || n."sequence" || '号'
FROM (
	SELECT p."id", CASE WHEN EXISTS (
		SELECT 1 FROM "parties" AS o JOIN "regions" AS ro ON ro."code" = o."region_code"
		WHERE o."cooperation_id" = p."cooperation_id" AND o."id" <> p."id" AND left(ro."short_name", 1) = left(r."short_name", 1)
	) THEN r."short_name" ELSE left(r."short_name", 1) END AS "prefix"
	FROM "parties" AS p JOIN "regions" AS r ON r."code" = p."region_code"
) AS pre WHERE pre."id" = n."issued_party_id";--> statement-breakpoint
ALTER TABLE "supervision_notices" ALTER COLUMN "issued_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_notices" ALTER COLUMN "sequence" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_notices_sequence_uq" ON "supervision_notices" USING btree ("cooperation_id","issued_party_id","issued_year","sequence");--> statement-breakpoint
-- Recipients: the issuing side's lead units of the task; a notice whose side has none goes to the task's lead units. An old signature counts for each.
INSERT INTO "supervision_notice_recipients" ("notice_id", "cooperation_id", "party_id", "organization_id", "acknowledged_at", "acknowledged_by")
SELECT n."id", n."cooperation_id", u."party_id", u."organization_id", n."acknowledged_at", n."acknowledged_by"
FROM "supervision_notices" AS n JOIN "task_units" AS u ON u."task_id" = n."task_id" AND u."role" = 'lead' AND u."party_id" = n."issued_party_id";--> statement-breakpoint
INSERT INTO "supervision_notice_recipients" ("notice_id", "cooperation_id", "party_id", "organization_id", "acknowledged_at", "acknowledged_by")
SELECT n."id", n."cooperation_id", u."party_id", u."organization_id", n."acknowledged_at", n."acknowledged_by"
FROM "supervision_notices" AS n JOIN "task_units" AS u ON u."task_id" = n."task_id" AND u."role" = 'lead'
WHERE NOT EXISTS (SELECT 1 FROM "supervision_notice_recipients" AS x WHERE x."notice_id" = n."id");--> statement-breakpoint
ALTER TABLE "supervision_notices" DROP CONSTRAINT "supervision_notices_acknowledged_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "supervision_notices" DROP COLUMN "acknowledged_at";--> statement-breakpoint
ALTER TABLE "supervision_notices" DROP COLUMN "acknowledged_by";
