ALTER TABLE "progress_reports" ADD COLUMN "deciding_sides" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "sides" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "close_sides" jsonb;--> statement-breakpoint
-- A task's sides as they decided until now: the owner of a one-sided task; for a joint task, the sides with units,
-- or every side of the cooperation while it has none.
UPDATE "tasks" t SET "sides" = CASE
  WHEN NOT t."joint" AND t."owner_party_id" IS NOT NULL THEN jsonb_build_array(t."owner_party_id")
  ELSE coalesce(
    (SELECT jsonb_agg(p."id" ORDER BY p."ordinal") FROM "parties" p
      WHERE p."cooperation_id" = t."cooperation_id" AND EXISTS (SELECT 1 FROM "task_units" tu WHERE tu."task_id" = t."id" AND tu."party_id" = p."id")),
    (SELECT jsonb_agg(p."id" ORDER BY p."ordinal") FROM "parties" p WHERE p."cooperation_id" = t."cooperation_id"),
    '[]'::jsonb)
END;--> statement-breakpoint
-- Rounds already open keep the sides they opened with; so do past rounds, for the record.
UPDATE "tasks" SET "close_sides" = "sides" WHERE "close_requested_at" IS NOT NULL;--> statement-breakpoint
UPDATE "progress_reports" r SET "deciding_sides" = t."sides" FROM "tasks" t WHERE t."id" = r."task_id" AND r."status" <> 'draft';
