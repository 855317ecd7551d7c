import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns with goals, ordered bilingual demands and endorsements; pledges organizations make,
 * their append-only fulfilment reports, and offers from the public pledge form.
 */
export class CampaignsAndPledges1795240098281 implements MigrationInterface {
  name = 'CampaignsAndPledges1795240098281';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "summary" text, "status" text NOT NULL DEFAULT 'draft', "starts_on" date, "ends_on" date, "lead_organization_id" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaign_name_key" UNIQUE ("name"), CONSTRAINT "campaign_slug_key" UNIQUE ("slug"), CONSTRAINT "campaign_dates_check" CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on), CONSTRAINT "campaign_status_check" CHECK (status IN ('draft','active','won','closed')), CONSTRAINT "campaign_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "campaign_status_idx" ON "campaign"("status")`);
    await q.query(`CREATE INDEX "campaign_lead_organization_id_idx" ON "campaign"("lead_organization_id")`);
    await q.query(`CREATE TABLE "campaign_goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "metric" text NOT NULL, "target" numeric(14,2) NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaign_goal_campaign_id_metric_key" UNIQUE ("campaign_id", "metric"), CONSTRAINT "campaign_goal_target_check" CHECK (target > 0), CONSTRAINT "campaign_goal_metric_check" CHECK (metric IN ('calls','doors','turnout','volunteer_hours','signatures','dollars','meetings','other')), CONSTRAINT "campaign_goal_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "demand" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "position" integer NOT NULL, "text_en" text NOT NULL, "text_es" text NOT NULL, "target" text, "status" text NOT NULL DEFAULT 'open', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demand_position_check" CHECK (position >= 1), CONSTRAINT "demand_status_check" CHECK (status IN ('open','partially_won','won','dropped')), CONSTRAINT "demand_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "demand_campaign_id_position_idx" ON "demand"("campaign_id", "position")`);
    await q.query(`CREATE TABLE "endorsement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL DEFAULT 'endorser', "endorsed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "endorsement_campaign_id_organization_id_key" UNIQUE ("campaign_id", "organization_id"), CONSTRAINT "endorsement_role_check" CHECK (role IN ('lead','partner','endorser')), CONSTRAINT "endorsement_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "endorsement_organization_id_idx" ON "endorsement"("organization_id")`);
    await q.query(`CREATE TABLE "pledge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "demand_id" uuid, "metric" text NOT NULL, "quantity" numeric(14,2) NOT NULL, "reported" numeric(14,2) NOT NULL DEFAULT '0', "due_on" date, "note" text, "status" text NOT NULL DEFAULT 'open', "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pledge_reported_check" CHECK (reported >= 0), CONSTRAINT "pledge_quantity_check" CHECK (quantity > 0 AND (metric = 'dollars' OR quantity = trunc(quantity))), CONSTRAINT "pledge_status_check" CHECK (status IN ('open','fulfilled','cancelled')), CONSTRAINT "pledge_metric_check" CHECK (metric IN ('calls','doors','turnout','volunteer_hours','signatures','dollars','meetings','other')), CONSTRAINT "pledge_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "pledge_organization_id_idx" ON "pledge"("organization_id")`);
    await q.query(`CREATE INDEX "pledge_demand_id_idx" ON "pledge"("demand_id")`);
    await q.query(`CREATE INDEX "pledge_due_on_idx" ON "pledge"("due_on")`);
    await q.query(`CREATE INDEX "pledge_campaign_id_organization_id_idx" ON "pledge"("campaign_id", "organization_id")`);
    await q.query(`CREATE TABLE "pledge_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "organization_name" text NOT NULL, "contact_name" text NOT NULL, "contact_email_ciphertext" bytea, "contact_phone_ciphertext" bytea, "metric" text NOT NULL, "quantity" numeric(14,2) NOT NULL, "note" text, "status" text NOT NULL DEFAULT 'pending', "organization_id" uuid, "pledge_id" uuid, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pledge_offer_quantity_check" CHECK (quantity > 0), CONSTRAINT "pledge_offer_status_check" CHECK (status IN ('pending','accepted','rejected')), CONSTRAINT "pledge_offer_metric_check" CHECK (metric IN ('calls','doors','turnout','volunteer_hours','signatures','dollars','meetings','other')), CONSTRAINT "pledge_offer_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "pledge_offer_campaign_id_idx" ON "pledge_offer"("campaign_id")`);
    await q.query(`CREATE INDEX "pledge_offer_status_idx" ON "pledge_offer"("status")`);
    await q.query(`CREATE INDEX "pledge_offer_organization_id_idx" ON "pledge_offer"("organization_id")`);
    await q.query(`CREATE INDEX "pledge_offer_pledge_id_idx" ON "pledge_offer"("pledge_id")`);
    await q.query(`CREATE TABLE "pledge_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pledge_id" uuid NOT NULL, "quantity" numeric(14,2) NOT NULL, "reported_on" date NOT NULL, "reported_by" uuid, "event_id" uuid, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pledge_report_quantity_check" CHECK (quantity <> 0), CONSTRAINT "pledge_report_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "pledge_report_pledge_id_idx" ON "pledge_report"("pledge_id")`);
    await q.query(`CREATE INDEX "pledge_report_reported_on_idx" ON "pledge_report"("reported_on")`);
    await q.query(`ALTER TABLE "campaign" ADD CONSTRAINT "campaign_lead_organization_id_fkey" FOREIGN KEY ("lead_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "campaign_goal" ADD CONSTRAINT "campaign_goal_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "demand" ADD CONSTRAINT "demand_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "endorsement" ADD CONSTRAINT "endorsement_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "endorsement" ADD CONSTRAINT "endorsement_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge" ADD CONSTRAINT "pledge_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge" ADD CONSTRAINT "pledge_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge" ADD CONSTRAINT "pledge_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demand"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge_offer" ADD CONSTRAINT "pledge_offer_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge_offer" ADD CONSTRAINT "pledge_offer_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge_offer" ADD CONSTRAINT "pledge_offer_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pledge_report" ADD CONSTRAINT "pledge_report_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // Reports are append-only: a correction is a new entry. Enforced for every role.
    await q.query(`CREATE FUNCTION pledge_report_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'pledge_report is append-only: add a correcting entry instead'; END $$`);
    await q.query(`CREATE TRIGGER pledge_report_append_only BEFORE UPDATE OR DELETE ON "pledge_report"
      FOR EACH ROW EXECUTE FUNCTION pledge_report_append_only()`);
    await q.query(`CREATE TRIGGER pledge_report_no_truncate BEFORE TRUNCATE ON "pledge_report"
      FOR EACH STATEMENT EXECUTE FUNCTION pledge_report_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "pledge_report" FROM unidos_app`);
    // Overdue pledges are found by due date among the open ones.
    await q.query(`CREATE INDEX "pledge_open_due_on_idx" ON "pledge" ("due_on") WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "pledge_open_due_on_idx"`);
    await q.query(`DROP TRIGGER pledge_report_no_truncate ON "pledge_report"`);
    await q.query(`DROP TRIGGER pledge_report_append_only ON "pledge_report"`);
    await q.query(`DROP FUNCTION pledge_report_append_only()`);
    await q.query(`ALTER TABLE "pledge_report" DROP CONSTRAINT "pledge_report_pledge_id_fkey"`);
    await q.query(`ALTER TABLE "pledge_offer" DROP CONSTRAINT "pledge_offer_pledge_id_fkey"`);
    await q.query(`ALTER TABLE "pledge_offer" DROP CONSTRAINT "pledge_offer_organization_id_fkey"`);
    await q.query(`ALTER TABLE "pledge_offer" DROP CONSTRAINT "pledge_offer_campaign_id_fkey"`);
    await q.query(`ALTER TABLE "pledge" DROP CONSTRAINT "pledge_demand_id_fkey"`);
    await q.query(`ALTER TABLE "pledge" DROP CONSTRAINT "pledge_organization_id_fkey"`);
    await q.query(`ALTER TABLE "pledge" DROP CONSTRAINT "pledge_campaign_id_fkey"`);
    await q.query(`ALTER TABLE "endorsement" DROP CONSTRAINT "endorsement_organization_id_fkey"`);
    await q.query(`ALTER TABLE "endorsement" DROP CONSTRAINT "endorsement_campaign_id_fkey"`);
    await q.query(`ALTER TABLE "demand" DROP CONSTRAINT "demand_campaign_id_fkey"`);
    await q.query(`ALTER TABLE "campaign_goal" DROP CONSTRAINT "campaign_goal_campaign_id_fkey"`);
    await q.query(`ALTER TABLE "campaign" DROP CONSTRAINT "campaign_lead_organization_id_fkey"`);
    await q.query(`DROP INDEX "public"."pledge_report_reported_on_idx"`);
    await q.query(`DROP INDEX "public"."pledge_report_pledge_id_idx"`);
    await q.query(`DROP TABLE "pledge_report"`);
    await q.query(`DROP INDEX "public"."pledge_offer_pledge_id_idx"`);
    await q.query(`DROP INDEX "public"."pledge_offer_organization_id_idx"`);
    await q.query(`DROP INDEX "public"."pledge_offer_status_idx"`);
    await q.query(`DROP INDEX "public"."pledge_offer_campaign_id_idx"`);
    await q.query(`DROP TABLE "pledge_offer"`);
    await q.query(`DROP INDEX "public"."pledge_campaign_id_organization_id_idx"`);
    await q.query(`DROP INDEX "public"."pledge_due_on_idx"`);
    await q.query(`DROP INDEX "public"."pledge_demand_id_idx"`);
    await q.query(`DROP INDEX "public"."pledge_organization_id_idx"`);
    await q.query(`DROP TABLE "pledge"`);
    await q.query(`DROP INDEX "public"."endorsement_organization_id_idx"`);
    await q.query(`DROP TABLE "endorsement"`);
    await q.query(`DROP INDEX "public"."demand_campaign_id_position_idx"`);
    await q.query(`DROP TABLE "demand"`);
    await q.query(`DROP TABLE "campaign_goal"`);
    await q.query(`DROP INDEX "public"."campaign_lead_organization_id_idx"`);
    await q.query(`DROP INDEX "public"."campaign_status_idx"`);
    await q.query(`DROP TABLE "campaign"`);
  }
}
