CREATE TABLE "indicator_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"value" numeric(24, 4) NOT NULL,
	"source" text NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"report_id" uuid,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_units" (
	"cooperation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "indicator_units_indicator_id_organization_id_pk" PRIMARY KEY("indicator_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "indicators" ALTER COLUMN "baseline" SET DATA TYPE numeric(24, 4);--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "last_status" text;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "baseline_on" date;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "direction" text DEFAULT 'higher' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "rollup" text DEFAULT 'latest' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "at_risk_margin" numeric(6, 4);--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "formula" jsonb;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "indicator_values" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_actuals_period_uq" ON "indicator_actuals" USING btree ("indicator_id","period_id");--> statement-breakpoint
CREATE INDEX "indicator_actuals_coop_idx" ON "indicator_actuals" USING btree ("cooperation_id");--> statement-breakpoint
CREATE INDEX "indicator_units_org_idx" ON "indicator_units" USING btree ("cooperation_id","organization_id");--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_margin_ck" CHECK ("indicators"."at_risk_margin" is null or ("indicators"."at_risk_margin" >= 0 and "indicators"."at_risk_margin" <= 1));