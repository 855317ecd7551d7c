/**
 * Values the database normally maintains row by row with triggers, recomputed set-based after a
 * bulk load that ran with those triggers disabled. Each step must give exactly what the triggers
 * would have given had every row been inserted one by one. Steps run in order, as the owner,
 * inside the load's transaction, while row-level security is not forced on person and rsvp, and
 * before the big tables' indexes and keys are rebuilt (write steps as set-based joins, not lookups).
 *
 * To keep a new trigger-maintained value correct after `npm run seed -- --scale ...`, append a
 * step here (the list is the one place the seed looks).
 */
export interface DeriveStep {
  name: string;
  sql: string;
}

export const DERIVE_STEPS: DeriveStep[] = [
  {
    // person_count_maintain (migration PeopleAndPrivacy): one row per organization, role and
    // language with at least one person.
    name: 'person_count',
    sql: `DELETE FROM person_count;
      INSERT INTO person_count (organization_id, role, preferred_language, n)
      SELECT organization_id, role, preferred_language, count(*) FROM person GROUP BY 1, 2, 3`,
  },
  {
    // What appendReport keeps: reported = the sum of the reports; fulfilled once it reaches the
    // quantity, open below it; cancelled stays cancelled.
    name: 'pledge.reported and status',
    sql: `UPDATE pledge p SET
        reported = s.total,
        status = CASE WHEN p.status = 'cancelled' THEN 'cancelled' WHEN s.total >= p.quantity THEN 'fulfilled' ELSE 'open' END
      FROM (SELECT pledge_id, sum(quantity) AS total FROM pledge_report GROUP BY 1) s
      WHERE s.pledge_id = p.id
        AND (p.reported <> s.total
          OR p.status <> CASE WHEN p.status = 'cancelled' THEN 'cancelled' WHEN s.total >= p.quantity THEN 'fulfilled' ELSE 'open' END);
      UPDATE pledge p SET reported = 0, status = CASE WHEN p.status = 'cancelled' THEN 'cancelled' ELSE 'open' END
      WHERE NOT EXISTS (SELECT 1 FROM pledge_report r WHERE r.pledge_id = p.id) AND (p.reported <> 0 OR p.status = 'fulfilled')`,
  },
  {
    // rsvp_counts_maintain (migration JointEvents): per host, how many RSVPs are in each status
    // (attended counts as checked in).
    name: 'event_host counts',
    sql: `UPDATE event_host h SET going = s.going, maybe = s.maybe, declined = s.declined, waitlisted = s.waitlisted, checked_in = s.checked_in
      FROM (SELECT h2.id,
                   count(*) FILTER (WHERE r.status = 'going')::int AS going,
                   count(*) FILTER (WHERE r.status = 'maybe')::int AS maybe,
                   count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
                   count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
                   count(*) FILTER (WHERE r.status = 'attended')::int AS checked_in
              FROM event_host h2
              LEFT JOIN rsvp r ON r.event_id = h2.event_id AND r.host_organization_id = h2.organization_id
             GROUP BY h2.id) s
      WHERE h.id = s.id
        AND (h.going, h.maybe, h.declined, h.waitlisted, h.checked_in) IS DISTINCT FROM (s.going, s.maybe, s.declined, s.waitlisted, s.checked_in)`,
  },
  {
    // rsvp_counts_maintain: the event's places taken are its RSVPs going or attended, any host.
    name: 'event.going_count',
    sql: `UPDATE event e SET going_count = s.n
      FROM (SELECT ev.id, count(r.id) FILTER (WHERE r.status IN ('going', 'attended'))::int AS n
              FROM event ev LEFT JOIN rsvp r ON r.event_id = ev.id GROUP BY ev.id) s
      WHERE e.id = s.id AND e.going_count <> s.n`,
  },
  {
    // rsvp_waitlisted_at: an RSVP inserted onto the waitlist keeps its creation time; no other has one.
    name: 'rsvp.waitlisted_at',
    sql: `UPDATE rsvp SET waitlisted_at = CASE WHEN status = 'waitlisted' THEN created_at END
      WHERE (status = 'waitlisted' AND waitlisted_at IS DISTINCT FROM created_at)
         OR (status <> 'waitlisted' AND waitlisted_at IS NOT NULL)`,
  },
  {
    // campaign_progress_maintain (migration CampaignProgressRollup): the per-organization and
    // per-region sums of the pledges that count, after pledge.reported and status are final.
    name: 'campaign progress roll-up',
    sql: `SELECT campaign_progress_rebuild()`,
  },
  {
    // pledge_due_count_maintain (migration ListIndexes): open pledges per due date.
    name: 'open pledges per due date',
    sql: `SELECT pledge_due_count_rebuild()`,
  },
];
