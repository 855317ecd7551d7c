import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and privacy: counts of people kept by a trigger (what the alliance sees instead of the
 * people), and two-factor sign-in for users.
 */
export class PeopleAndPrivacy1795239756627 implements MigrationInterface {
  name = 'PeopleAndPrivacy1795239756627';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "person_count" ("organization_id" uuid NOT NULL, "role" text NOT NULL, "preferred_language" text NOT NULL, "n" integer NOT NULL DEFAULT '0', CONSTRAINT "person_count_pkey" PRIMARY KEY ("organization_id", "role", "preferred_language"))`);
    await q.query(`ALTER TABLE "user" ADD "totp_secret" bytea`);
    await q.query(`ALTER TABLE "user" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "user" ADD "totp_last_step" bigint`);
    await q.query(`ALTER TABLE "person_count" ADD CONSTRAINT "person_count_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // Counts follow every insert, delete and change of a person in the same transaction. The
    // function runs as the owner so that the app role can read the counts but never write them.
    await q.query(`CREATE FUNCTION person_count_maintain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE person_count SET n = n - 1
           WHERE organization_id = OLD.organization_id AND role = OLD.role AND preferred_language = OLD.preferred_language;
          DELETE FROM person_count
           WHERE organization_id = OLD.organization_id AND role = OLD.role AND preferred_language = OLD.preferred_language AND n <= 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO person_count (organization_id, role, preferred_language, n)
          VALUES (NEW.organization_id, NEW.role, NEW.preferred_language, 1)
          ON CONFLICT (organization_id, role, preferred_language) DO UPDATE SET n = person_count.n + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER person_count_maintain
      AFTER INSERT OR DELETE OR UPDATE OF organization_id, role, preferred_language ON "person"
      FOR EACH ROW EXECUTE FUNCTION person_count_maintain()`);
    // Count the people already there: the owner reads past row-level security only while FORCE is off.
    await q.query(`ALTER TABLE "person" NO FORCE ROW LEVEL SECURITY`);
    await q.query(`INSERT INTO person_count (organization_id, role, preferred_language, n)
      SELECT organization_id, role, preferred_language, count(*) FROM person GROUP BY 1, 2, 3`);
    await q.query(`ALTER TABLE "person" FORCE ROW LEVEL SECURITY`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "person_count" FROM unidos_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER person_count_maintain ON "person"`);
    await q.query(`DROP FUNCTION person_count_maintain()`);
    await q.query(`ALTER TABLE "person_count" DROP CONSTRAINT "person_count_organization_id_fkey"`);
    await q.query(`ALTER TABLE "user" DROP COLUMN "totp_last_step"`);
    await q.query(`ALTER TABLE "user" DROP COLUMN "totp_enabled_at"`);
    await q.query(`ALTER TABLE "user" DROP COLUMN "totp_secret"`);
    await q.query(`DROP TABLE "person_count"`);
  }
}
