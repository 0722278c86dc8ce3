CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_id" uuid,
	"months" integer,
	"on" date NOT NULL,
	"channel" text NOT NULL,
	"reached" boolean NOT NULL,
	"employed" text,
	"same_job" boolean,
	"monthly_wage" double precision,
	"currency" text,
	"contract" text,
	"satisfaction" integer,
	"left_reason" text,
	"notes" text,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "follow_ups_months" CHECK ("follow_ups"."months" is null or "follow_ups"."months" in (1, 3, 6, 12))
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_ups_person_idx" ON "follow_ups" USING btree ("person_id","on","id");--> statement-breakpoint
CREATE INDEX "follow_ups_referral_idx" ON "follow_ups" USING btree ("referral_id");