import type { MigrationInterface, QueryRunner } from 'typeorm';
// pg-boss is CommonJS; its construction plans are the exact SQL its own `migrate: true` would run.
import PgBoss from 'pg-boss';

/** The pg-boss schema, and the one queue imports use (apps/api/src/modules/imports/import-queue.ts names them too). */
const IMPORT_QUEUE_SCHEMA = 'pgboss';
const IMPORT_QUEUE = 'csv-import';

const ORG_OR_ALLIANCE_ADMIN = `CASE WHEN organization_id IS NULL
        THEN NULLIF(current_setting('app.role', true), '') = 'alliance_admin'
        ELSE organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid END`;

/**
 * CSV imports: the job (status, counts, progress), the uploaded file (encrypted, deleted when the
 * job ends), saved column mappings per source; row-level security like `person`'s (an
 * organization's imports are its own; the alliance's are the alliance admins'). The job queue is
 * pg-boss, whose schema is created here by the owner: the app role only reads and writes its rows,
 * so the app starts pg-boss with `migrate: false` and never runs DDL. Counting people moves from a
 * trigger per row to one per statement, so an import of 100,000 people updates each count once.
 */
export class CsvImports1795310000000 implements MigrationInterface {
  name = 'CsvImports1795310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "kind" text NOT NULL, "source" text, "filename" text NOT NULL, "status" text NOT NULL DEFAULT 'uploaded', "row_count" integer NOT NULL DEFAULT '0', "headers" text array NOT NULL DEFAULT '{}', "mapping" jsonb, "on_duplicate" text, "processed" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "error_count" integer NOT NULL DEFAULT '0', "error" text, "error_rows" integer array NOT NULL DEFAULT '{}', "attempts" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "import_job_kind_check" CHECK (kind IN ('people','organizations','pledges')), CONSTRAINT "import_job_status_check" CHECK (status IN ('uploaded','queued','running','succeeded','failed')), CONSTRAINT "import_job_on_duplicate_check" CHECK (on_duplicate IS NULL OR on_duplicate IN ('update','skip')), CONSTRAINT "import_job_counts_check" CHECK (row_count >= 0 AND processed >= 0 AND created >= 0 AND updated >= 0 AND skipped >= 0 AND error_count >= 0), CONSTRAINT "import_job_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "import_job_organization_id_idx" ON "import_job" ("organization_id") `);
    await q.query(`CREATE INDEX "import_job_created_by_idx" ON "import_job" ("created_by") `);
    await q.query(`CREATE TABLE "import_file" ("import_job_id" uuid NOT NULL, "organization_id" uuid, "content_ciphertext" bytea NOT NULL, "byte_size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "import_file_pkey" PRIMARY KEY ("import_job_id"))`);
    await q.query(`CREATE INDEX "import_file_organization_id_idx" ON "import_file" ("organization_id") `);
    await q.query(`CREATE TABLE "import_mapping" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "kind" text NOT NULL, "source" text NOT NULL DEFAULT '', "mapping" jsonb NOT NULL, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "import_mapping_kind_check" CHECK (kind IN ('people','organizations','pledges')), CONSTRAINT "import_mapping_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "import_mapping_organization_id_idx" ON "import_mapping" ("organization_id") `);
    await q.query(`CREATE INDEX "import_mapping_created_by_idx" ON "import_mapping" ("created_by") `);
    // One mapping per (organization or the alliance, kind, source as typed in any case).
    await q.query(`CREATE UNIQUE INDEX "import_mapping_source_key" ON "import_mapping" ("organization_id", "kind", lower("source")) NULLS NOT DISTINCT`);
    await q.query(`ALTER TABLE "import_job" ADD CONSTRAINT "import_job_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "import_job" ADD CONSTRAINT "import_job_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "import_file" ADD CONSTRAINT "import_file_import_job_id_fkey" FOREIGN KEY ("import_job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "import_file" ADD CONSTRAINT "import_file_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // An organization's imports (its people, their file, its mappings) are its own; the alliance's
    // imports (organizations, pledges) are its admins'. A missing context matches nothing.
    for (const table of ['import_job', 'import_file', 'import_mapping']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_scope ON "${table}" USING (${ORG_OR_ALLIANCE_ADMIN}) WITH CHECK (${ORG_OR_ALLIANCE_ADMIN})`);
    }

    // pg-boss, built by the owner (its plans run in their own BEGIN/COMMIT: this migration's
    // transaction already holds them together).
    const plans = PgBoss.getConstructionPlans(IMPORT_QUEUE_SCHEMA)
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    await q.query(plans);
    // The queue's partition is DDL too, so it is made here. A job that fails is retried twice; one
    // whose worker died is retried when a worker starts again (see ImportWorker), or after expiry.
    await q.query(`SELECT ${IMPORT_QUEUE_SCHEMA}.create_queue($1, $2::json)`, [
      IMPORT_QUEUE,
      JSON.stringify({ policy: 'standard', retryLimit: 2, retryDelay: 5, retryBackoff: false, expireInSeconds: 3600, retentionMinutes: 1440 }),
    ]);
    await q.query(`GRANT USAGE ON SCHEMA ${IMPORT_QUEUE_SCHEMA} TO unidos_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${IMPORT_QUEUE_SCHEMA} TO unidos_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${IMPORT_QUEUE_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO unidos_app`);
    // Creating or dropping a queue is DDL: only the owner may (the app never tries).
    await q.query(`REVOKE EXECUTE ON FUNCTION ${IMPORT_QUEUE_SCHEMA}.create_queue(text, json), ${IMPORT_QUEUE_SCHEMA}.delete_queue(text) FROM PUBLIC`);

    // Counts of people per statement instead of per row: the same numbers, one upsert per
    // (organization, role, language) group. Transition tables allow one event per trigger.
    await q.query(`DROP TRIGGER person_count_maintain ON "person"`);
    await q.query(`CREATE FUNCTION person_count_apply() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          WITH gone AS (
            SELECT organization_id, role, preferred_language, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3
          )
          UPDATE person_count c SET n = c.n - gone.n FROM gone
           WHERE c.organization_id = gone.organization_id AND c.role = gone.role AND c.preferred_language = gone.preferred_language;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO person_count (organization_id, role, preferred_language, n)
          SELECT organization_id, role, preferred_language, count(*)::int FROM new_rows GROUP BY 1, 2, 3
          ON CONFLICT (organization_id, role, preferred_language) DO UPDATE SET n = person_count.n + EXCLUDED.n;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM person_count c USING (SELECT DISTINCT organization_id, role, preferred_language FROM old_rows) g
           WHERE c.organization_id = g.organization_id AND c.role = g.role AND c.preferred_language = g.preferred_language AND c.n <= 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER person_count_insert AFTER INSERT ON "person"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_apply()`);
    await q.query(`CREATE TRIGGER person_count_update AFTER UPDATE ON "person"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_apply()`);
    await q.query(`CREATE TRIGGER person_count_delete AFTER DELETE ON "person"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_count_apply()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER person_count_delete ON "person"`);
    await q.query(`DROP TRIGGER person_count_update ON "person"`);
    await q.query(`DROP TRIGGER person_count_insert ON "person"`);
    await q.query(`DROP FUNCTION person_count_apply()`);
    await q.query(`CREATE TRIGGER person_count_maintain
      AFTER INSERT OR DELETE OR UPDATE OF organization_id, role, preferred_language ON "person"
      FOR EACH ROW EXECUTE FUNCTION person_count_maintain()`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${IMPORT_QUEUE_SCHEMA} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM unidos_app`);
    await q.query(`DROP SCHEMA ${IMPORT_QUEUE_SCHEMA} CASCADE`);
    for (const table of ['import_mapping', 'import_file', 'import_job']) {
      await q.query(`DROP POLICY ${table}_scope ON "${table}"`);
    }
    await q.query(`ALTER TABLE "import_mapping" DROP CONSTRAINT "import_mapping_created_by_fkey"`);
    await q.query(`ALTER TABLE "import_mapping" DROP CONSTRAINT "import_mapping_organization_id_fkey"`);
    await q.query(`ALTER TABLE "import_file" DROP CONSTRAINT "import_file_organization_id_fkey"`);
    await q.query(`ALTER TABLE "import_file" DROP CONSTRAINT "import_file_import_job_id_fkey"`);
    await q.query(`ALTER TABLE "import_job" DROP CONSTRAINT "import_job_created_by_fkey"`);
    await q.query(`ALTER TABLE "import_job" DROP CONSTRAINT "import_job_organization_id_fkey"`);
    await q.query(`DROP INDEX "public"."import_mapping_source_key"`);
    await q.query(`DROP INDEX "public"."import_mapping_created_by_idx"`);
    await q.query(`DROP INDEX "public"."import_mapping_organization_id_idx"`);
    await q.query(`DROP TABLE "import_mapping"`);
    await q.query(`DROP INDEX "public"."import_file_organization_id_idx"`);
    await q.query(`DROP TABLE "import_file"`);
    await q.query(`DROP INDEX "public"."import_job_created_by_idx"`);
    await q.query(`DROP INDEX "public"."import_job_organization_id_idx"`);
    await q.query(`DROP TABLE "import_job"`);
  }
}
