import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the national benchmark asked for (bench/explain): the people list of a large organization
 * sorted by name, an organization's public contacts, an organization's pledges by due date, and
 * upcoming events (which filter on ends_at).
 */
export class ListIndexes1795320000000 implements MigrationInterface {
  name = 'ListIndexes1795320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "person_organization_name_idx" ON "person" ("organization_id", "display_name", "id")`);
    await q.query(`CREATE INDEX "person_coalition_contacts_idx" ON "person" ("organization_id") WHERE visibility = 'coalition'`);
    await q.query(`CREATE INDEX "pledge_organization_due_on_idx" ON "pledge" ("organization_id", "due_on", "id")`);
    await q.query(`CREATE INDEX "event_ends_at_idx" ON "event" ("ends_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "event_ends_at_idx"`);
    await q.query(`DROP INDEX "pledge_organization_due_on_idx"`);
    await q.query(`DROP INDEX "person_coalition_contacts_idx"`);
    await q.query(`DROP INDEX "person_organization_name_idx"`);
  }
}
