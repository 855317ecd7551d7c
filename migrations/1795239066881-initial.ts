import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation: regions, organizations, people (row-level security), users, sessions, audit, rate limits. */
export class Initial1795239066881 implements MigrationInterface {
  name = 'Initial1795239066881';

  async up(q: QueryRunner): Promise<void> {
    // The role the API connects as: owns nothing, cannot bypass row-level security. Deployments
    // create it with LOGIN beforehand (see README); here it only has to exist.
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'unidos_app') THEN CREATE ROLE unidos_app NOLOGIN NOBYPASSRLS; END IF;
    END $$`);
    // Trigram search on names; pg_trgm is a trusted extension, the database owner may create it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_org_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid, "changed_fields" text array NOT NULL DEFAULT '{}', "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event"("at")`);
    await q.query(`CREATE INDEX "audit_event_actor_user_id_idx" ON "audit_event"("actor_user_id")`);
    await q.query(`CREATE INDEX "audit_event_actor_org_id_idx" ON "audit_event"("actor_org_id")`);
    await q.query(`CREATE INDEX "audit_event_action_idx" ON "audit_event"("action")`);
    await q.query(`CREATE INDEX "audit_event_entity_idx" ON "audit_event"("entity_type", "entity_id")`);
    await q.query(`CREATE TABLE "region" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "states" text array NOT NULL DEFAULT '{}', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "region_name_key" UNIQUE ("name"), CONSTRAINT "region_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "kind" text NOT NULL, "focus_areas" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "city" text NOT NULL, "state" text NOT NULL, "region_id" uuid, "website" text, "public_email" text, "public_phone" text, "description" text, "membership_status" text NOT NULL DEFAULT 'applicant', "applied_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "dues_tier" text, "dues_paid_through" date, "principles_signed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organization_slug_key" UNIQUE ("slug"), CONSTRAINT "organization_dues_tier_check" CHECK (dues_tier IS NULL OR dues_tier IN ('waived','small','medium','large')), CONSTRAINT "organization_membership_status_check" CHECK (membership_status IN ('applicant','active','rejected','lapsed','suspended','withdrawn')), CONSTRAINT "organization_kind_check" CHECK (kind IN ('worker_center','community','union_local','faith','student','legal_services','rapid_response','advocacy','other')), CONSTRAINT "organization_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "organization_state_idx" ON "organization"("state")`);
    await q.query(`CREATE INDEX "organization_region_id_idx" ON "organization"("region_id")`);
    await q.query(`CREATE INDEX "organization_membership_status_idx" ON "organization"("membership_status")`);
    await q.query(`CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "organization_id" uuid, "status" text NOT NULL DEFAULT 'active', "preferred_language" text NOT NULL DEFAULT 'en', "failed_login_count" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "password_changed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_preferred_language_check" CHECK (preferred_language IN ('en','es')), CONSTRAINT "user_role_organization_check" CHECK ((role IN ('alliance_admin','alliance_organizer') AND organization_id IS NULL) OR (role IN ('org_coordinator','org_viewer') AND organization_id IS NOT NULL)), CONSTRAINT "user_status_check" CHECK (status IN ('active','disabled')), CONSTRAINT "user_role_check" CHECK (role IN ('alliance_admin','alliance_organizer','org_coordinator','org_viewer')), CONSTRAINT "user_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "user_organization_id_idx" ON "user"("organization_id")`);
    await q.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "session_token_hash_key" UNIQUE ("token_hash"), CONSTRAINT "session_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "session_user_id_idx" ON "session"("user_id")`);
    await q.query(`CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "display_name" text NOT NULL, "preferred_language" text NOT NULL DEFAULT 'en', "email_ciphertext" bytea, "email_hash" bytea, "phone_ciphertext" bytea, "phone_hash" bytea, "ok_to_text" boolean NOT NULL DEFAULT false, "ok_to_call" boolean NOT NULL DEFAULT false, "ok_to_email" boolean NOT NULL DEFAULT false, "signal_only" boolean NOT NULL DEFAULT false, "no_voicemail" boolean NOT NULL DEFAULT false, "role" text NOT NULL DEFAULT 'member', "visibility" text NOT NULL DEFAULT 'organization', "note" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "person_visibility_check" CHECK (visibility IN ('organization','coalition')), CONSTRAINT "person_role_check" CHECK (role IN ('primary_contact','spokesperson','delegate','staff','member')), CONSTRAINT "person_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "person_organization_id_idx" ON "person"("organization_id")`);
    await q.query(`CREATE INDEX "person_email_hash_idx" ON "person"("email_hash")`);
    await q.query(`CREATE INDEX "person_phone_hash_idx" ON "person"("phone_hash")`);
    await q.query(`CREATE TABLE "rate_limit_bucket" ("key" text NOT NULL, "hits" integer NOT NULL DEFAULT '0', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key"))`);
    await q.query(`CREATE INDEX "rate_limit_bucket_expires_at_idx" ON "rate_limit_bucket"("expires_at")`);
    await q.query(`ALTER TABLE "organization" ADD CONSTRAINT "organization_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user" ADD CONSTRAINT "user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "person" ADD CONSTRAINT "person_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Indexes TypeORM cannot describe (declared with synchronize: false on the entities).
    await q.query(`CREATE UNIQUE INDEX "organization_name_lower_key" ON "organization" (lower("name"))`);
    await q.query(`CREATE INDEX "organization_name_trgm_idx" ON "organization" USING gin ("name" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "organization_focus_areas_idx" ON "organization" USING gin ("focus_areas")`);
    await q.query(`CREATE INDEX "organization_languages_idx" ON "organization" USING gin ("languages")`);
    await q.query(`CREATE UNIQUE INDEX "user_email_lower_key" ON "user" (lower("email"))`);

    // The audit trail is append-only, for the app and the owner alike.
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    // TRUNCATE fires no row trigger: a statement trigger closes that gap.
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);

    // People are organization-private: only the organization in the transaction's context sees
    // them. Its coalition-visible (public) contacts are seen by everyone once it is a member, and
    // by the alliance's reviewers while it applies. A missing context matches nothing.
    await q.query(`ALTER TABLE "person" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "person" FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY person_select ON "person" FOR SELECT
      USING (
        organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid
        OR (visibility = 'coalition' AND (
          NULLIF(current_setting('app.role', true), '') IN ('alliance_admin', 'alliance_organizer')
          OR EXISTS (SELECT 1 FROM organization o WHERE o.id = person.organization_id AND o.membership_status = 'active')
        ))
      )`);
    await q.query(`CREATE POLICY person_insert ON "person" FOR INSERT
      WITH CHECK (organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid)`);
    await q.query(`CREATE POLICY person_update ON "person" FOR UPDATE
      USING (organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid)
      WITH CHECK (organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid)`);
    await q.query(`CREATE POLICY person_delete ON "person" FOR DELETE
      USING (organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid)`);

    // What the app role may do: read and write data, never the migrations table, never rewrite
    // the audit trail. Tables later migrations create get the same grants by default.
    await q.query(`GRANT USAGE ON SCHEMA public TO unidos_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO unidos_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO unidos_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO unidos_app`);
    await q.query(`REVOKE ALL ON "typeorm_migration" FROM unidos_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM unidos_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM unidos_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM unidos_app`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM unidos_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM unidos_app`);
    await q.query(`DROP POLICY person_delete ON "person"`);
    await q.query(`DROP POLICY person_update ON "person"`);
    await q.query(`DROP POLICY person_insert ON "person"`);
    await q.query(`DROP POLICY person_select ON "person"`);
    await q.query(`DROP TRIGGER audit_event_no_truncate ON "audit_event"`);
    await q.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP INDEX "user_email_lower_key"`);
    await q.query(`DROP INDEX "organization_languages_idx"`);
    await q.query(`DROP INDEX "organization_focus_areas_idx"`);
    await q.query(`DROP INDEX "organization_name_trgm_idx"`);
    await q.query(`DROP INDEX "organization_name_lower_key"`);
    await q.query(`ALTER TABLE "person" DROP CONSTRAINT "person_organization_id_fkey"`);
    await q.query(`ALTER TABLE "session" DROP CONSTRAINT "session_user_id_fkey"`);
    await q.query(`ALTER TABLE "user" DROP CONSTRAINT "user_organization_id_fkey"`);
    await q.query(`ALTER TABLE "organization" DROP CONSTRAINT "organization_region_id_fkey"`);
    await q.query(`DROP INDEX "public"."rate_limit_bucket_expires_at_idx"`);
    await q.query(`DROP TABLE "rate_limit_bucket"`);
    await q.query(`DROP INDEX "public"."person_phone_hash_idx"`);
    await q.query(`DROP INDEX "public"."person_email_hash_idx"`);
    await q.query(`DROP INDEX "public"."person_organization_id_idx"`);
    await q.query(`DROP TABLE "person"`);
    await q.query(`DROP INDEX "public"."session_user_id_idx"`);
    await q.query(`DROP TABLE "session"`);
    await q.query(`DROP INDEX "public"."user_organization_id_idx"`);
    await q.query(`DROP TABLE "user"`);
    await q.query(`DROP INDEX "public"."organization_membership_status_idx"`);
    await q.query(`DROP INDEX "public"."organization_region_id_idx"`);
    await q.query(`DROP INDEX "public"."organization_state_idx"`);
    await q.query(`DROP TABLE "organization"`);
    await q.query(`DROP TABLE "region"`);
    await q.query(`DROP INDEX "public"."audit_event_entity_idx"`);
    await q.query(`DROP INDEX "public"."audit_event_action_idx"`);
    await q.query(`DROP INDEX "public"."audit_event_actor_org_id_idx"`);
    await q.query(`DROP INDEX "public"."audit_event_actor_user_id_idx"`);
    await q.query(`DROP INDEX "public"."audit_event_at_idx"`);
    await q.query(`DROP TABLE "audit_event"`);
  }
}
