CREATE TABLE "briefing_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "briefing_notes" ADD CONSTRAINT "briefing_notes_cooperation_id_cooperations_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_notes" ADD CONSTRAINT "briefing_notes_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_notes" ADD CONSTRAINT "briefing_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_notes_period_uq" ON "briefing_notes" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "briefing_notes_coop_idx" ON "briefing_notes" USING btree ("cooperation_id");