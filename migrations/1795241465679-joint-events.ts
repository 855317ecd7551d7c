import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint events: co-hosts with turnout goals and counts, RSVPs private to each host (row-level
 * security), capacity and waitlist kept by the database, and per-organization retention of RSVP
 * details.
 */
export class JointEvents1795241465679 implements MigrationInterface {
  name = 'JointEvents1795241465679';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text, "kind" text NOT NULL, "campaign_id" uuid, "demand_id" uuid, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "venue" text, "address" text, "city" text, "state" text, "online_url" text, "capacity" integer, "going_count" integer NOT NULL DEFAULT '0', "languages" text array NOT NULL DEFAULT '{}', "interpretation" text array NOT NULL DEFAULT '{}', "accessibility_notes" text, "status" text NOT NULL DEFAULT 'draft', "cancel_reason" text, "lead_organization_id" uuid NOT NULL, "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_going_count_check" CHECK (going_count >= 0), CONSTRAINT "event_capacity_check" CHECK (capacity IS NULL OR capacity > 0), CONSTRAINT "event_time_check" CHECK (ends_at > starts_at), CONSTRAINT "event_status_check" CHECK (status IN ('draft','published','cancelled','completed')), CONSTRAINT "event_kind_check" CHECK (kind IN ('rally','march','forum','kyr_training','political_education','press_conference','assembly','vigil','meeting','phonebank','canvass')), CONSTRAINT "event_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "event_campaign_id_idx" ON "event"("campaign_id")`);
    await q.query(`CREATE INDEX "event_demand_id_idx" ON "event"("demand_id")`);
    await q.query(`CREATE INDEX "event_starts_at_idx" ON "event"("starts_at")`);
    await q.query(`CREATE INDEX "event_state_idx" ON "event"("state")`);
    await q.query(`CREATE INDEX "event_status_idx" ON "event"("status")`);
    await q.query(`CREATE INDEX "event_lead_organization_id_idx" ON "event"("lead_organization_id")`);
    await q.query(`CREATE TABLE "event_host" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL DEFAULT 'co_host', "status" text NOT NULL DEFAULT 'invited', "turnout_goal" integer, "reported_attendance" integer, "going" integer NOT NULL DEFAULT '0', "maybe" integer NOT NULL DEFAULT '0', "declined" integer NOT NULL DEFAULT '0', "waitlisted" integer NOT NULL DEFAULT '0', "checked_in" integer NOT NULL DEFAULT '0', "walk_ins" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_host_event_id_organization_id_key" UNIQUE ("event_id", "organization_id"), CONSTRAINT "event_host_numbers_check" CHECK ((turnout_goal IS NULL OR turnout_goal >= 0) AND (reported_attendance IS NULL OR reported_attendance >= 0)), CONSTRAINT "event_host_counts_check" CHECK (going >= 0 AND maybe >= 0 AND declined >= 0 AND waitlisted >= 0 AND checked_in >= 0 AND walk_ins >= 0), CONSTRAINT "event_host_status_check" CHECK (status IN ('invited','accepted','declined')), CONSTRAINT "event_host_role_check" CHECK (role IN ('lead','co_host')), CONSTRAINT "event_host_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "event_host_organization_id_idx" ON "event_host"("organization_id")`);
    await q.query(`CREATE TABLE "rsvp" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "host_organization_id" uuid NOT NULL, "person_id" uuid, "first_name" text, "status" text NOT NULL DEFAULT 'going', "checked_in_at" TIMESTAMP WITH TIME ZONE, "anonymized_at" TIMESTAMP WITH TIME ZONE, "waitlisted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "rsvp_status_check" CHECK (status IN ('going','maybe','declined','waitlisted','attended','no_show')), CONSTRAINT "rsvp_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "rsvp_host_organization_id_idx" ON "rsvp"("host_organization_id")`);
    await q.query(`CREATE INDEX "rsvp_person_id_idx" ON "rsvp"("person_id")`);
    await q.query(`CREATE INDEX "rsvp_event_id_host_organization_id_idx" ON "rsvp"("event_id", "host_organization_id")`);
    await q.query(`ALTER TABLE "organization" ADD "rsvp_retention_days" integer NOT NULL DEFAULT '30'`);
    await q.query(`CREATE INDEX "pledge_report_event_id_idx" ON "pledge_report"("event_id")`);
    await q.query(`ALTER TABLE "organization" ADD CONSTRAINT "organization_rsvp_retention_days_check" CHECK (rsvp_retention_days BETWEEN 1 AND 3650)`);
    await q.query(`ALTER TABLE "event" ADD CONSTRAINT "event_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event" ADD CONSTRAINT "event_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demand"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event" ADD CONSTRAINT "event_lead_organization_id_fkey" FOREIGN KEY ("lead_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge_report" ADD CONSTRAINT "pledge_report_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_host" ADD CONSTRAINT "event_host_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_host" ADD CONSTRAINT "event_host_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "rsvp" ADD CONSTRAINT "rsvp_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "rsvp" ADD CONSTRAINT "rsvp_host_organization_id_fkey" FOREIGN KEY ("host_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "rsvp" ADD CONSTRAINT "rsvp_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);

    // RSVPs are private to their host organization. The second policy lets only functions owned by
    // the table owner (SECURITY DEFINER, below) act across hosts: the waitlist and retention.
    await q.query(`ALTER TABLE "rsvp" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "rsvp" FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY rsvp_host ON "rsvp"
      USING (host_organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid)
      WITH CHECK (host_organization_id = NULLIF(current_setting('app.org_id', true), '')::uuid)`);
    await q.query(`CREATE POLICY rsvp_owner_functions ON "rsvp"
      USING (current_user = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = 'public.rsvp'::regclass))`);

    // Counts follow every RSVP change in the same transaction: per host (what everyone sees) and
    // the event's places taken (going or attended), so capacity needs no look at other hosts' rows.
    await q.query(`CREATE FUNCTION rsvp_counts_maintain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        d int;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE event_host SET
              going = going - (OLD.status = 'going')::int,
              maybe = maybe - (OLD.status = 'maybe')::int,
              declined = declined - (OLD.status = 'declined')::int,
              waitlisted = waitlisted - (OLD.status = 'waitlisted')::int,
              checked_in = checked_in - (OLD.status = 'attended')::int
            WHERE event_id = OLD.event_id AND organization_id = OLD.host_organization_id;
          d := -(OLD.status IN ('going', 'attended'))::int;
          IF d <> 0 THEN UPDATE event SET going_count = going_count + d WHERE id = OLD.event_id; END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE event_host SET
              going = going + (NEW.status = 'going')::int,
              maybe = maybe + (NEW.status = 'maybe')::int,
              declined = declined + (NEW.status = 'declined')::int,
              waitlisted = waitlisted + (NEW.status = 'waitlisted')::int,
              checked_in = checked_in + (NEW.status = 'attended')::int
            WHERE event_id = NEW.event_id AND organization_id = NEW.host_organization_id;
          d := (NEW.status IN ('going', 'attended'))::int;
          IF d <> 0 THEN UPDATE event SET going_count = going_count + d WHERE id = NEW.event_id; END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rsvp_counts_maintain
      AFTER INSERT OR DELETE OR UPDATE OF status, event_id, host_organization_id ON "rsvp"
      FOR EACH ROW EXECUTE FUNCTION rsvp_counts_maintain()`);

    // The waitlist's order: an RSVP made onto the waitlist keeps its creation time; one that moves
    // onto it later (a "maybe" deciding to go, a decline changed back) joins at the back.
    await q.query(`CREATE FUNCTION rsvp_waitlisted_at() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      BEGIN
        IF NEW.status <> 'waitlisted' THEN
          NEW.waitlisted_at := NULL;
        ELSIF TG_OP = 'INSERT' THEN
          NEW.waitlisted_at := NEW.created_at;
        ELSIF OLD.status <> 'waitlisted' THEN
          NEW.waitlisted_at := clock_timestamp();
        ELSE
          NEW.waitlisted_at := OLD.waitlisted_at;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER rsvp_waitlisted_at BEFORE INSERT OR UPDATE ON "rsvp" FOR EACH ROW EXECUTE FUNCTION rsvp_waitlisted_at()`);

    // When places free up, the longest-waiting RSVPs (of any host) move up, in waitlist order.
    await q.query(`CREATE FUNCTION rsvp_promote_waitlist(p_event uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        free int;
        moved int;
      BEGIN
        SELECT CASE WHEN capacity IS NULL THEN 2147483647 ELSE capacity - going_count END
          INTO free FROM event WHERE id = p_event FOR UPDATE;
        IF free IS NULL OR free <= 0 THEN RETURN 0; END IF;
        WITH next AS (
          SELECT id FROM rsvp WHERE event_id = p_event AND status = 'waitlisted'
           ORDER BY waitlisted_at, id LIMIT free FOR UPDATE)
        UPDATE rsvp SET status = 'going', updated_at = now(), version = version + 1
          WHERE id IN (SELECT id FROM next);
        GET DIAGNOSTICS moved = ROW_COUNT;
        RETURN moved;
      END $$`);

    // Retention: after each host's retention period, an RSVP keeps its status (the count) but
    // loses the person and the name.
    await q.query(`CREATE FUNCTION rsvp_apply_retention() RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        n int;
      BEGIN
        UPDATE rsvp r SET person_id = NULL, first_name = NULL, anonymized_at = now(), updated_at = now()
          FROM event e, organization o
         WHERE e.id = r.event_id AND o.id = r.host_organization_id
           AND r.anonymized_at IS NULL AND (r.person_id IS NOT NULL OR r.first_name IS NOT NULL)
           AND e.ends_at < now() - make_interval(days => o.rsvp_retention_days);
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION rsvp_promote_waitlist(uuid), rsvp_apply_retention() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION rsvp_promote_waitlist(uuid), rsvp_apply_retention() TO unidos_app`);
    // Counters are the database's to keep: the app reads them and sets only its own numbers.
    await q.query(`REVOKE UPDATE ON "event_host" FROM unidos_app`);
    await q.query(`GRANT UPDATE (role, status, turnout_goal, reported_attendance, walk_ins, version, updated_at) ON "event_host" TO unidos_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE ON "event_host" TO unidos_app`);
    await q.query(`DROP FUNCTION rsvp_apply_retention()`);
    await q.query(`DROP FUNCTION rsvp_promote_waitlist(uuid)`);
    await q.query(`DROP TRIGGER rsvp_waitlisted_at ON "rsvp"`);
    await q.query(`DROP FUNCTION rsvp_waitlisted_at()`);
    await q.query(`DROP TRIGGER rsvp_counts_maintain ON "rsvp"`);
    await q.query(`DROP FUNCTION rsvp_counts_maintain()`);
    await q.query(`DROP POLICY rsvp_owner_functions ON "rsvp"`);
    await q.query(`DROP POLICY rsvp_host ON "rsvp"`);
    await q.query(`ALTER TABLE "rsvp" DROP CONSTRAINT "rsvp_person_id_fkey"`);
    await q.query(`ALTER TABLE "rsvp" DROP CONSTRAINT "rsvp_host_organization_id_fkey"`);
    await q.query(`ALTER TABLE "rsvp" DROP CONSTRAINT "rsvp_event_id_fkey"`);
    await q.query(`ALTER TABLE "event_host" DROP CONSTRAINT "event_host_organization_id_fkey"`);
    await q.query(`ALTER TABLE "event_host" DROP CONSTRAINT "event_host_event_id_fkey"`);
    await q.query(`ALTER TABLE "pledge_report" DROP CONSTRAINT "pledge_report_event_id_fkey"`);
    await q.query(`ALTER TABLE "event" DROP CONSTRAINT "event_lead_organization_id_fkey"`);
    await q.query(`ALTER TABLE "event" DROP CONSTRAINT "event_demand_id_fkey"`);
    await q.query(`ALTER TABLE "event" DROP CONSTRAINT "event_campaign_id_fkey"`);
    await q.query(`ALTER TABLE "organization" DROP CONSTRAINT "organization_rsvp_retention_days_check"`);
    await q.query(`DROP INDEX "public"."pledge_report_event_id_idx"`);
    await q.query(`ALTER TABLE "organization" DROP COLUMN "rsvp_retention_days"`);
    await q.query(`DROP INDEX "public"."rsvp_event_id_host_organization_id_idx"`);
    await q.query(`DROP INDEX "public"."rsvp_person_id_idx"`);
    await q.query(`DROP INDEX "public"."rsvp_host_organization_id_idx"`);
    await q.query(`DROP TABLE "rsvp"`);
    await q.query(`DROP INDEX "public"."event_host_organization_id_idx"`);
    await q.query(`DROP TABLE "event_host"`);
    await q.query(`DROP INDEX "public"."event_lead_organization_id_idx"`);
    await q.query(`DROP INDEX "public"."event_status_idx"`);
    await q.query(`DROP INDEX "public"."event_state_idx"`);
    await q.query(`DROP INDEX "public"."event_starts_at_idx"`);
    await q.query(`DROP INDEX "public"."event_demand_id_idx"`);
    await q.query(`DROP INDEX "public"."event_campaign_id_idx"`);
    await q.query(`DROP TABLE "event"`);
  }
}
