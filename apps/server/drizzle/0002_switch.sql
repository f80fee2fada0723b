CREATE TABLE "call_legs" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"role" text NOT NULL,
	"peer" text NOT NULL,
	"agent_user_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"result" text,
	"hold_ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"caller_number" text NOT NULL,
	"queue_id" integer,
	"reason" text NOT NULL,
	"waited_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by" integer,
	"handled_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "caller_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"list" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"caller_number" text NOT NULL,
	"called_number" text NOT NULL,
	"trunk" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"outcome" text DEFAULT 'in-progress' NOT NULL,
	"ivr_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"digits" text DEFAULT '' NOT NULL,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"caller_list" text,
	"queue_id" integer,
	"queue_name" text,
	"wait_ms" integer,
	"ring_ms" integer,
	"talk_ms" integer,
	"hold_ms" integer DEFAULT 0 NOT NULL,
	"wrap_up_ms" integer,
	"agent_user_id" integer,
	"agent_name" text,
	"agent_extension" text,
	"recording_id" integer,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "hotline_routes" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"flow_id" integer,
	"queue_id" integer,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_routes_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "ivr_flow_versions" (
	"flow_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"graph" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "ivr_flow_versions_flow_id_version_pk" PRIMARY KEY("flow_id","version")
);
--> statement-breakpoint
CREATE TABLE "ivr_flows" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"published_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ivr_flows_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "queue_members" (
	"queue_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"penalty" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_members_queue_id_user_id_pk" PRIMARY KEY("queue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"strategy" text NOT NULL,
	"record" boolean DEFAULT true NOT NULL,
	"max_wait_sec" integer NOT NULL,
	"overflow" text NOT NULL,
	"overflow_queue_id" integer,
	"ring_timeout_sec" integer NOT NULL,
	"wrap_up_sec" integer NOT NULL,
	"announce_every_sec" integer NOT NULL,
	"record_abandoned" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queues_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"path" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"bytes" integer NOT NULL,
	"agent_user_id" integer,
	"caller_number" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"agent_user_id" integer,
	"score" integer NOT NULL,
	"question" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "switch_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voicemails" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"caller_number" text NOT NULL,
	"queue_id" integer,
	"reason" text NOT NULL,
	"path" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"handled_by" integer,
	"handled_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "call_legs" ADD CONSTRAINT "call_legs_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_routes" ADD CONSTRAINT "hotline_routes_flow_id_ivr_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."ivr_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_routes" ADD CONSTRAINT "hotline_routes_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivr_flow_versions" ADD CONSTRAINT "ivr_flow_versions_flow_id_ivr_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."ivr_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivr_flow_versions" ADD CONSTRAINT "ivr_flow_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_overflow_queue_id_queues_id_fk" FOREIGN KEY ("overflow_queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voicemails" ADD CONSTRAINT "voicemails_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_legs_call_idx" ON "call_legs" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "callbacks_status_idx" ON "callbacks" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "caller_lists_number_list_key" ON "caller_lists" USING btree ("number","list");--> statement-breakpoint
CREATE INDEX "calls_started_idx" ON "calls" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_outcome_idx" ON "calls" USING btree ("outcome","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_queue_idx" ON "calls" USING btree ("queue_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_user_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calls_caller_idx" ON "calls" USING btree ("caller_number");--> statement-breakpoint
CREATE INDEX "queue_members_user_idx" ON "queue_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recordings_call_idx" ON "recordings" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "surveys_agent_idx" ON "surveys" USING btree ("agent_user_id","created_at");--> statement-breakpoint
CREATE INDEX "voicemails_status_idx" ON "voicemails" USING btree ("status","created_at" DESC NULLS LAST);