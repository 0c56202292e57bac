-- Entries written so far stay in the one chain they were written in ('global'), verified as written:
-- recomputing their hashes would erase the evidence the chain exists to keep. New entries chain per cooperation.
ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT 'global' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "chain" SET DEFAULT 'cooperation';
