CREATE TABLE "event_organisations" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "event_organisations_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "event_people" (
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "event_people_event_id_person_id_pk" PRIMARY KEY("event_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"organiser_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"country" text,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "events_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"given_name" text DEFAULT '' NOT NULL,
	"family_name" text DEFAULT '' NOT NULL,
	"sort_name" text NOT NULL,
	"search_text" text NOT NULL,
	"name_keys" text[] DEFAULT '{}' NOT NULL,
	"name_pair_keys" text[] DEFAULT '{}' NOT NULL,
	"phone_keys" text[] DEFAULT '{}' NOT NULL,
	"document_keys" text[] DEFAULT '{}' NOT NULL,
	"birth_date" date,
	"owning_organisation_id" uuid,
	"country" text,
	"return_country" text,
	"host_country" text,
	"programme" text,
	"case_manager_ids" text[] DEFAULT '{}' NOT NULL,
	"skill_uris" text[] DEFAULT '{}' NOT NULL,
	"occupation_uris" text[] DEFAULT '{}' NOT NULL,
	"merged_into_id" uuid,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "people_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "person_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"original_person_id" uuid NOT NULL,
	"action" text NOT NULL,
	"version" integer NOT NULL,
	"changed_fields" text[] DEFAULT '{}' NOT NULL,
	"related_person_id" uuid,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason_code" text,
	"reason" text,
	"on" date,
	"changed_fields" text[] DEFAULT '{}' NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"vacancy_id" uuid,
	"training_id" uuid,
	"service_id" uuid,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason_code" text,
	"reason" text,
	"motivation" text,
	"notes" text,
	"follow_up_on" date,
	"proposed_on" date,
	"sent_on" date,
	"responded_on" date,
	"started_on" date,
	"ended_on" date,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "referrals_one_target" CHECK ((case when "referrals"."vacancy_id" is null then 0 else 1 end + case when "referrals"."training_id" is null then 0 else 1 end + case when "referrals"."service_id" is null then 0 else 1 end) = 1)
);
--> statement-breakpoint
CREATE TABLE "service_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"category" text NOT NULL,
	"dimension" text,
	"country" text,
	"region" text,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "service_offers_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "training_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"type" text NOT NULL,
	"delivery" text NOT NULL,
	"status" text NOT NULL,
	"skill_uris" text[] DEFAULT '{}' NOT NULL,
	"country" text,
	"region" text,
	"starts_on" date,
	"ends_on" date,
	"transport_support" boolean DEFAULT false NOT NULL,
	"childcare_support" boolean DEFAULT false NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "training_offers_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"employer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"status" text NOT NULL,
	"occupation_uri" text,
	"isco_code" text,
	"skill_uris" text[] DEFAULT '{}' NOT NULL,
	"country" text,
	"region" text,
	"lat" double precision,
	"lon" double precision,
	"at_home_possible" boolean DEFAULT false NOT NULL,
	"apprenticeship" boolean DEFAULT false NOT NULL,
	"internship" boolean DEFAULT false NOT NULL,
	"apply_by" date,
	"starts_on" date,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "vacancies_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
ALTER TABLE "event_organisations" ADD CONSTRAINT "event_organisations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organisations" ADD CONSTRAINT "event_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_people" ADD CONSTRAINT "event_people_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_people" ADD CONSTRAINT "event_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organiser_id_organisations_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_owning_organisation_id_organisations_id_fk" FOREIGN KEY ("owning_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_history" ADD CONSTRAINT "person_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_history" ADD CONSTRAINT "referral_history_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_training_id_training_offers_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."training_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_service_offers_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_offers" ADD CONSTRAINT "service_offers_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_offers" ADD CONSTRAINT "training_offers_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_employer_id_organisations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_organisations_org_idx" ON "event_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "event_people_person_idx" ON "event_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_country_idx" ON "events" USING btree ("country");--> statement-breakpoint
CREATE INDEX "people_sort_name_idx" ON "people" USING btree ("sort_name","id");--> statement-breakpoint
CREATE INDEX "people_country_idx" ON "people" USING btree ("country");--> statement-breakpoint
CREATE INDEX "people_return_country_idx" ON "people" USING btree ("return_country");--> statement-breakpoint
CREATE INDEX "people_owning_organisation_idx" ON "people" USING btree ("owning_organisation_id");--> statement-breakpoint
CREATE INDEX "people_name_keys_idx" ON "people" USING gin ("name_keys");--> statement-breakpoint
CREATE INDEX "people_name_pair_keys_idx" ON "people" USING gin ("name_pair_keys");--> statement-breakpoint
CREATE INDEX "people_phone_keys_idx" ON "people" USING gin ("phone_keys");--> statement-breakpoint
CREATE INDEX "people_document_keys_idx" ON "people" USING gin ("document_keys");--> statement-breakpoint
CREATE INDEX "people_case_managers_idx" ON "people" USING gin ("case_manager_ids");--> statement-breakpoint
CREATE INDEX "person_history_person_idx" ON "person_history" USING btree ("person_id","at","id");--> statement-breakpoint
CREATE INDEX "referral_history_referral_idx" ON "referral_history" USING btree ("referral_id","at","id");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_organisation_idx" ON "referrals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "referrals_vacancy_idx" ON "referrals" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "referrals_training_idx" ON "referrals" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "referrals_service_idx" ON "referrals" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "referrals_created_idx" ON "referrals" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "service_offers_provider_idx" ON "service_offers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "service_offers_category_idx" ON "service_offers" USING btree ("category");--> statement-breakpoint
CREATE INDEX "service_offers_country_region_idx" ON "service_offers" USING btree ("country","region");--> statement-breakpoint
CREATE INDEX "training_offers_provider_idx" ON "training_offers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "training_offers_country_region_idx" ON "training_offers" USING btree ("country","region");--> statement-breakpoint
CREATE INDEX "training_offers_created_idx" ON "training_offers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "training_offers_skill_uris_idx" ON "training_offers" USING gin ("skill_uris");--> statement-breakpoint
CREATE INDEX "vacancies_employer_idx" ON "vacancies" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "vacancies_country_region_idx" ON "vacancies" USING btree ("country","region");--> statement-breakpoint
CREATE INDEX "vacancies_occupation_idx" ON "vacancies" USING btree ("occupation_uri");--> statement-breakpoint
CREATE INDEX "vacancies_isco_idx" ON "vacancies" USING btree ("isco_code");--> statement-breakpoint
CREATE INDEX "vacancies_created_idx" ON "vacancies" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "vacancies_title_idx" ON "vacancies" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "vacancies_skill_uris_idx" ON "vacancies" USING gin ("skill_uris");