import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign's progress, maintained instead of summed on every read: at national scale the busiest
 * campaign holds hundreds of thousands of pledges, and summing them took far longer than the 20 ms
 * the progress page may take. Two levels, both kept exact in the writer's own transaction by a
 * trigger on `pledge` (row locks serialize concurrent reports on the same organization/region):
 *
 * - `campaign_org_progress`: per campaign, organization and metric — what each organization pledged
 *   and reported (cancelled pledges excluded), and how many pledges;
 * - `campaign_region_progress`: per campaign, region (NULL = no region) and metric — the same sums
 *   and how many organizations contribute. The campaign's totals are the sum of its few rows.
 *
 * The app role reads both and writes neither: the trigger functions run as the owner.
 */
export class CampaignProgressRollup1795300000000 implements MigrationInterface {
  name = 'CampaignProgressRollup1795300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "campaign_org_progress" ("campaign_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "metric" text NOT NULL, "pledged" numeric(16,2) NOT NULL DEFAULT '0', "reported" numeric(16,2) NOT NULL DEFAULT '0', "pledges" integer NOT NULL DEFAULT '0', CONSTRAINT "campaign_org_progress_pkey" PRIMARY KEY ("campaign_id", "organization_id", "metric"))`);
    await q.query(`CREATE INDEX "campaign_org_progress_organization_id_idx" ON "campaign_org_progress"("organization_id")`);
    await q.query(`CREATE INDEX "campaign_org_progress_top_idx" ON "campaign_org_progress" ("campaign_id", "reported" DESC)`);
    await q.query(`ALTER TABLE "campaign_org_progress" ADD CONSTRAINT "campaign_org_progress_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "campaign_org_progress" ADD CONSTRAINT "campaign_org_progress_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "campaign_region_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "region_id" uuid, "metric" text NOT NULL, "pledged" numeric(16,2) NOT NULL DEFAULT '0', "reported" numeric(16,2) NOT NULL DEFAULT '0', "pledges" integer NOT NULL DEFAULT '0', "organizations" integer NOT NULL DEFAULT '0', CONSTRAINT "campaign_region_progress_pkey" PRIMARY KEY ("id"))`);
    // One row per (campaign, region, metric), "no region" included: NULLS NOT DISTINCT (PostgreSQL 15+).
    await q.query(`CREATE UNIQUE INDEX "campaign_region_progress_key" ON "campaign_region_progress" ("campaign_id", "region_id", "metric") NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX "campaign_region_progress_region_id_idx" ON "campaign_region_progress"("region_id")`);
    await q.query(`ALTER TABLE "campaign_region_progress" ADD CONSTRAINT "campaign_region_progress_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "campaign_region_progress" ADD CONSTRAINT "campaign_region_progress_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // Applies one change to both levels. Lock order is always organization row, then region row.
    await q.query(`CREATE FUNCTION campaign_progress_apply(p_campaign uuid, p_org uuid, p_metric text,
        d_pledged numeric, d_reported numeric, d_pledges integer) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        now_pledges integer;
        d_orgs integer := 0;
        v_region uuid;
      BEGIN
        IF d_pledged = 0 AND d_reported = 0 AND d_pledges = 0 THEN RETURN; END IF;
        INSERT INTO campaign_org_progress AS c (campaign_id, organization_id, metric, pledged, reported, pledges)
        VALUES (p_campaign, p_org, p_metric, d_pledged, d_reported, d_pledges)
        ON CONFLICT (campaign_id, organization_id, metric) DO UPDATE
          SET pledged = c.pledged + EXCLUDED.pledged, reported = c.reported + EXCLUDED.reported,
              pledges = c.pledges + EXCLUDED.pledges
        RETURNING pledges INTO now_pledges;
        IF now_pledges = 0 THEN
          DELETE FROM campaign_org_progress WHERE campaign_id = p_campaign AND organization_id = p_org AND metric = p_metric;
          d_orgs := -1;
        ELSIF d_pledges > 0 AND now_pledges = d_pledges THEN
          d_orgs := 1; -- the organization's first pledge for this metric
        END IF;
        SELECT region_id INTO v_region FROM organization WHERE id = p_org;
        PERFORM campaign_region_progress_apply(p_campaign, v_region, p_metric, d_pledged, d_reported, d_pledges, d_orgs);
      END $$`);
    await q.query(`CREATE FUNCTION campaign_region_progress_apply(p_campaign uuid, p_region uuid, p_metric text,
        d_pledged numeric, d_reported numeric, d_pledges integer, d_orgs integer) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE now_pledges integer;
      BEGIN
        INSERT INTO campaign_region_progress AS c (campaign_id, region_id, metric, pledged, reported, pledges, organizations)
        VALUES (p_campaign, p_region, p_metric, d_pledged, d_reported, d_pledges, d_orgs)
        ON CONFLICT (campaign_id, region_id, metric) DO UPDATE
          SET pledged = c.pledged + EXCLUDED.pledged, reported = c.reported + EXCLUDED.reported,
              pledges = c.pledges + EXCLUDED.pledges, organizations = c.organizations + EXCLUDED.organizations
        RETURNING pledges INTO now_pledges;
        IF now_pledges = 0 THEN
          DELETE FROM campaign_region_progress
           WHERE campaign_id = p_campaign AND region_id IS NOT DISTINCT FROM p_region AND metric = p_metric;
        END IF;
      END $$`);
    await q.query(`CREATE FUNCTION campaign_progress_maintain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        old_counts boolean := TG_OP <> 'INSERT' AND OLD.status <> 'cancelled';
        new_counts boolean := TG_OP <> 'DELETE' AND NEW.status <> 'cancelled';
      BEGIN
        IF old_counts AND new_counts AND OLD.campaign_id = NEW.campaign_id
           AND OLD.organization_id = NEW.organization_id AND OLD.metric = NEW.metric THEN
          -- The common case (a report): one delta on the same rows.
          PERFORM campaign_progress_apply(NEW.campaign_id, NEW.organization_id, NEW.metric,
            NEW.quantity - OLD.quantity, NEW.reported - OLD.reported, 0);
          RETURN NULL;
        END IF;
        IF old_counts THEN
          PERFORM campaign_progress_apply(OLD.campaign_id, OLD.organization_id, OLD.metric, -OLD.quantity, -OLD.reported, -1);
        END IF;
        IF new_counts THEN
          PERFORM campaign_progress_apply(NEW.campaign_id, NEW.organization_id, NEW.metric, NEW.quantity, NEW.reported, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER campaign_progress_maintain
      AFTER INSERT OR DELETE OR UPDATE OF campaign_id, organization_id, metric, quantity, reported, status ON "pledge"
      FOR EACH ROW EXECUTE FUNCTION campaign_progress_maintain()`);

    // An organization that moves region takes its contributions with it.
    await q.query(`CREATE FUNCTION campaign_progress_region_moved() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT * FROM campaign_org_progress WHERE organization_id = NEW.id ORDER BY campaign_id, metric LOOP
          PERFORM campaign_region_progress_apply(r.campaign_id, OLD.region_id, r.metric, -r.pledged, -r.reported, -r.pledges, -1);
          PERFORM campaign_region_progress_apply(r.campaign_id, NEW.region_id, r.metric, r.pledged, r.reported, r.pledges, 1);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER campaign_progress_region_moved
      AFTER UPDATE OF region_id ON "organization"
      FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION campaign_progress_region_moved()`);

    // Recomputes both levels from the pledges, set-based: for existing data now, and for bulk
    // loads (the scale seed) that load pledges with triggers disabled.
    await q.query(`CREATE FUNCTION campaign_progress_rebuild() RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        DELETE FROM campaign_region_progress;
        DELETE FROM campaign_org_progress;
        INSERT INTO campaign_org_progress (campaign_id, organization_id, metric, pledged, reported, pledges)
        SELECT campaign_id, organization_id, metric, sum(quantity), sum(reported), count(*)
          FROM pledge WHERE status <> 'cancelled' GROUP BY 1, 2, 3;
        INSERT INTO campaign_region_progress (campaign_id, region_id, metric, pledged, reported, pledges, organizations)
        SELECT c.campaign_id, o.region_id, c.metric, sum(c.pledged), sum(c.reported), sum(c.pledges), count(*)
          FROM campaign_org_progress c JOIN organization o ON o.id = c.organization_id GROUP BY 1, 2, 3;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION campaign_progress_rebuild() FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION campaign_progress_apply(uuid, uuid, text, numeric, numeric, integer) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION campaign_region_progress_apply(uuid, uuid, text, numeric, numeric, integer, integer) FROM PUBLIC`);
    await q.query(`SELECT campaign_progress_rebuild()`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "campaign_org_progress", "campaign_region_progress" FROM unidos_app`);

    // A campaign's overdue pledges without scanning every campaign's open pledges.
    await q.query(`CREATE INDEX "pledge_campaign_open_due_on_idx" ON "pledge" ("campaign_id", "due_on") WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "pledge_campaign_open_due_on_idx"`);
    await q.query(`DROP TRIGGER campaign_progress_region_moved ON "organization"`);
    await q.query(`DROP TRIGGER campaign_progress_maintain ON "pledge"`);
    await q.query(`DROP FUNCTION campaign_progress_region_moved()`);
    await q.query(`DROP FUNCTION campaign_progress_maintain()`);
    await q.query(`DROP FUNCTION campaign_progress_rebuild()`);
    await q.query(`DROP FUNCTION campaign_progress_apply(uuid, uuid, text, numeric, numeric, integer)`);
    await q.query(`DROP FUNCTION campaign_region_progress_apply(uuid, uuid, text, numeric, numeric, integer, integer)`);
    await q.query(`DROP TABLE "campaign_region_progress"`);
    await q.query(`DROP TABLE "campaign_org_progress"`);
  }
}
