CREATE TABLE "taxonomy_collection_members" (
	"collection" text NOT NULL,
	"uri" text NOT NULL,
	CONSTRAINT "taxonomy_collection_members_collection_uri_pk" PRIMARY KEY("collection","uri")
);
--> statement-breakpoint
CREATE TABLE "taxonomy_concepts" (
	"uri" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"code" text,
	"isco_code" text,
	"skill_type" text,
	"reuse_level" text,
	"status" text,
	"source" text NOT NULL,
	"version" text,
	"obsolete" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"version" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_labels" (
	"uri" text NOT NULL,
	"lang" text NOT NULL,
	"preferred" text,
	"alt" text[] DEFAULT '{}' NOT NULL,
	"hidden" text[] DEFAULT '{}' NOT NULL,
	"description" text,
	CONSTRAINT "taxonomy_labels_uri_lang_pk" PRIMARY KEY("uri","lang")
);
--> statement-breakpoint
CREATE TABLE "taxonomy_relations" (
	"kind" text NOT NULL,
	"source_uri" text NOT NULL,
	"target_uri" text NOT NULL,
	"relation_type" text,
	"origin" text NOT NULL,
	CONSTRAINT "taxonomy_relations_kind_source_uri_target_uri_pk" PRIMARY KEY("kind","source_uri","target_uri")
);
--> statement-breakpoint
ALTER TABLE "taxonomy_collection_members" ADD CONSTRAINT "taxonomy_collection_members_uri_taxonomy_concepts_uri_fk" FOREIGN KEY ("uri") REFERENCES "public"."taxonomy_concepts"("uri") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_labels" ADD CONSTRAINT "taxonomy_labels_uri_taxonomy_concepts_uri_fk" FOREIGN KEY ("uri") REFERENCES "public"."taxonomy_concepts"("uri") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "taxonomy_collection_members_uri_idx" ON "taxonomy_collection_members" USING btree ("uri");--> statement-breakpoint
CREATE INDEX "taxonomy_concepts_type_idx" ON "taxonomy_concepts" USING btree ("type");--> statement-breakpoint
CREATE INDEX "taxonomy_concepts_isco_idx" ON "taxonomy_concepts" USING btree ("isco_code");--> statement-breakpoint
CREATE INDEX "taxonomy_relations_target_idx" ON "taxonomy_relations" USING btree ("target_uri","kind");--> statement-breakpoint
CREATE INDEX "taxonomy_relations_source_idx" ON "taxonomy_relations" USING btree ("source_uri");