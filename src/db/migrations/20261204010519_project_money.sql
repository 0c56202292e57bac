CREATE TABLE "cross_side_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"on" date NOT NULL,
	"kind" text NOT NULL,
	"from_party_id" uuid,
	"to_party_id" uuid,
	"from_organization_id" uuid,
	"to_organization_id" uuid,
	"quantity" numeric(24, 4),
	"unit" text,
	"amount" numeric(20, 2),
	"currency" text DEFAULT 'CNY' NOT NULL,
	"agreement_id" uuid,
	"project_id" uuid,
	"note" text,
	"reason" text,
	"visibility" text DEFAULT 'parties' NOT NULL,
	"owner_party_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cross_side_transactions_sign_ck" CHECK ((coalesce("cross_side_transactions"."amount", 0) >= 0 and coalesce("cross_side_transactions"."quantity", 0) >= 0) or "cross_side_transactions"."reason" is not null),
	CONSTRAINT "cross_side_transactions_measure_ck" CHECK ("cross_side_transactions"."amount" is not null or "cross_side_transactions"."quantity" is not null)
);
--> statement-breakpoint
CREATE TABLE "project_clauses" (
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"clause_id" uuid NOT NULL,
	CONSTRAINT "project_clauses_project_id_clause_id_pk" PRIMARY KEY("project_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "project_investors" (
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "project_investors_project_id_organization_id_pk" PRIMARY KEY("project_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "project_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"on" date NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stage_plans" (
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"planned_on" date NOT NULL,
	CONSTRAINT "project_stage_plans_project_id_stage_pk" PRIMARY KEY("project_id","stage")
);
--> statement-breakpoint
CREATE TABLE "project_stages" (
	"cooperation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text DEFAULT 'step' NOT NULL,
	"milestone" text,
	CONSTRAINT "project_stages_cooperation_id_code_pk" PRIMARY KEY("cooperation_id","code")
);
--> statement-breakpoint
CREATE TABLE "project_tasks" (
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "project_tasks_project_id_task_id_pk" PRIMARY KEY("project_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "project_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"basis" text,
	"signing_event_id" uuid,
	"on" date NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"provider_party_id" uuid,
	"receiver_party_id" uuid,
	"reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_transactions_amount_ck" CHECK ("project_transactions"."amount" <> 0 and ("project_transactions"."amount" > 0 or "project_transactions"."reason" is not null)),
	CONSTRAINT "project_transactions_basis_ck" CHECK (("project_transactions"."kind" = 'contracted') = ("project_transactions"."basis" is not null))
);
--> statement-breakpoint
CREATE TABLE "signing_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"visibility" text DEFAULT 'parties' NOT NULL,
	"owner_party_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "projects_cooperation_idx";--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "kind" SET DEFAULT 'investment';--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "stage" SET DEFAULT 'negotiating';--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "investor_party_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "host_party_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "host_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "industry_division" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "latitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "longitude" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "responsible_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_from_party_id_parties_id_fk" FOREIGN KEY ("from_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_to_party_id_parties_id_fk" FOREIGN KEY ("to_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_side_transactions" ADD CONSTRAINT "cross_side_transactions_owner_party_id_parties_id_fk" FOREIGN KEY ("owner_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_clauses" ADD CONSTRAINT "project_clauses_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_clauses" ADD CONSTRAINT "project_clauses_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_clauses" ADD CONSTRAINT "project_clauses_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_investors" ADD CONSTRAINT "project_investors_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_investors" ADD CONSTRAINT "project_investors_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_investors" ADD CONSTRAINT "project_investors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_plans" ADD CONSTRAINT "project_stage_plans_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_plans" ADD CONSTRAINT "project_stage_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_signing_event_id_signing_events_id_fk" FOREIGN KEY ("signing_event_id") REFERENCES "public"."signing_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_provider_party_id_parties_id_fk" FOREIGN KEY ("provider_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_receiver_party_id_parties_id_fk" FOREIGN KEY ("receiver_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_owner_party_id_parties_id_fk" FOREIGN KEY ("owner_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cross_side_transactions_cooperation_idx" ON "cross_side_transactions" USING btree ("cooperation_id","kind","on");--> statement-breakpoint
CREATE INDEX "project_investors_organization_idx" ON "project_investors" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "project_stage_changes_project_idx" ON "project_stage_changes" USING btree ("project_id","on","seq");--> statement-breakpoint
CREATE INDEX "project_transactions_project_idx" ON "project_transactions" USING btree ("project_id","kind","on");--> statement-breakpoint
CREATE INDEX "project_transactions_cooperation_idx" ON "project_transactions" USING btree ("cooperation_id","kind","on");--> statement-breakpoint
CREATE INDEX "project_transactions_event_idx" ON "project_transactions" USING btree ("signing_event_id");--> statement-breakpoint
CREATE INDEX "signing_events_cooperation_idx" ON "signing_events" USING btree ("cooperation_id","held_on");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_investor_party_id_parties_id_fk" FOREIGN KEY ("investor_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_host_party_id_parties_id_fk" FOREIGN KEY ("host_party_id") REFERENCES "public"."parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_host_organization_id_organizations_id_fk" FOREIGN KEY ("host_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsible_organization_id_organizations_id_fk" FOREIGN KEY ("responsible_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_cooperation_idx" ON "projects" USING btree ("cooperation_id","stage");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_point_ck" CHECK (("projects"."latitude" is null) = ("projects"."longitude" is null) and coalesce("projects"."latitude" between -90 and 90 and "projects"."longitude" between -180 and 180, true));--> statement-breakpoint
-- Existing projects take the new kinds and the default template's stage codes; their one known stage becomes the first entry of their history.
UPDATE "projects" SET "kind" = CASE "kind" WHEN 'project' THEN 'investment' WHEN 'centre' THEN 'platform' WHEN 'base' THEN 'park' WHEN 'other' THEN 'programme' ELSE "kind" END;--> statement-breakpoint
UPDATE "projects" SET "stage" = CASE "stage" WHEN 'proposed' THEN 'negotiating' WHEN 'suspended' THEN 'halted' ELSE "stage" END;--> statement-breakpoint
UPDATE "projects" SET "industry_code" = "industry" WHERE "industry" ~ '^[A-T]$';--> statement-breakpoint
INSERT INTO "project_stage_changes" ("cooperation_id", "project_id", "stage", "on", "reason") SELECT "cooperation_id", "id", "stage", ("created_at" AT TIME ZONE 'Asia/Shanghai')::date, CASE WHEN "stage" = 'halted' THEN '迁移前已暂停' END FROM "projects";--> statement-breakpoint
-- A funds-in-place figure typed before money became dated entries is kept as one entry on the day the project was registered.
INSERT INTO "project_transactions" ("cooperation_id", "project_id", "kind", "on", "amount", "currency") SELECT "cooperation_id", "id", 'in_place', ("created_at" AT TIME ZONE 'Asia/Shanghai')::date, "funds_in_place", "currency" FROM "projects" WHERE "funds_in_place" > 0;
