ALTER TABLE "projects" DROP COLUMN "industry";--> statement-breakpoint
ALTER TABLE "projects" DROP COLUMN "funds_in_place";