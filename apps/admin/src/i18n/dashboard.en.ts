/**
 * English messages of the dashboard (alliance and organization views, map and charts), deep-merged
 * into `en.ts` by `messagesFor`. `dashboard.es.ts` must have exactly the same keys (typed as
 * `DashboardMessages`, proven by `i18n.spec.ts`); no key may repeat one of the other catalogs.
 */
export const dashboardEn = {
  unidos: {
    dashboard: {
      alliance_title: 'Coalition dashboard',
      organization_title: 'Dashboard of %{name}',
      load_error: 'Could not load the dashboard.',
      retry: 'Try again',
      loading_section: 'Loading…',
      see_all: 'See all',
      members: {
        title: 'Member organizations',
        by_status: 'By membership status',
      },
      map: {
        title: 'Active member organizations by state',
        label:
          'Map of the United States: active member organizations by state. Choose a state to open the directory filtered to it.',
        state:
          '%{state}: %{smart_count} member organization |||| %{state}: %{smart_count} member organizations',
        state_applicants: '%{smart_count} pending application |||| %{smart_count} pending applications',
        legend: 'Active member organizations',
        legend_none: 'None',
        hint: 'Choose a state to open the directory filtered to it.',
        show_table: 'Show as table',
        hide_table: 'Hide table',
        table_caption: 'Member organizations by state',
        state_column: 'State',
        active_column: 'Active members',
        applicant_column: 'Pending applications',
        outside: 'Outside the map (territories): see the table.',
        loading: 'Loading the map…',
      },
      pending: {
        title: 'Applications waiting',
        count:
          '%{smart_count} application waiting for review |||| %{smart_count} applications waiting for review',
        none: 'No application is waiting.',
        applied: 'Applied %{date}',
        review: 'Review applications',
      },
      campaigns: {
        title: 'Campaign progress',
        endorsed_title: 'Campaigns we endorse',
        none: 'No active campaign.',
        none_endorsed: 'Your organization endorses no campaign yet.',
        no_goals: 'This campaign has no goals yet.',
        pledged: 'Pledged',
        reported: 'Reported',
        goal_summary: 'Pledged %{pledged} · reported %{reported} of %{target} %{unit}',
        goal_summary_no_target: 'Pledged %{pledged} · reported %{reported} %{unit} (no target)',
        bar_label: '%{metric}: %{kind} %{value} of %{target}',
        open: 'Open %{name}',
      },
      pledges: {
        overdue_title: 'Pledges overdue',
        due_title: 'Pledges due this week',
        open_title: 'Our open pledges',
        overdue_count: '%{smart_count} pledge overdue |||| %{smart_count} pledges overdue',
        due_count:
          '%{smart_count} pledge due in the next 7 days |||| %{smart_count} pledges due in the next 7 days',
        none_overdue: 'No pledge is overdue.',
        none_due: 'No pledge is due this week.',
        none_open: 'Your organization has no open pledge.',
        progress: '%{reported} of %{quantity} %{unit} (%{percent})',
        due_on: 'Due %{date}',
        no_due_date: 'No due date',
        overdue: 'Overdue',
        progress_label: 'Progress of the pledge of %{name}',
      },
      events: {
        title: 'Upcoming events (next 14 days)',
        our_title: 'Our upcoming events',
        none: 'No published event in the next 14 days.',
        none_ours: 'Your organization hosts no upcoming event.',
        going_vs_goal: '%{going} going of a turnout goal of %{goal}',
        going_no_goal: '%{going} going (no turnout goal)',
        our_going_vs_goal: 'We have %{going} going of our goal of %{goal}',
        our_going_no_goal: 'We have %{going} going (we set no turnout goal)',
        all_hosts: 'All hosts: %{going} going of %{goal}',
        capacity: 'Capacity %{capacity}',
        turnout_label: 'Turnout of %{title}',
        host_status: {
          invited: 'Invitation to co-host not answered yet',
          accepted: 'Co-hosting',
          declined: 'Declined to co-host',
        },
      },
      dues: {
        title: 'Membership dues lapsing',
        none: 'No membership dues lapse in the next 30 days.',
        paid_through: 'Paid through %{date}',
        never_paid: 'No dues paid yet',
        lapsed: 'Lapsed',
      },
      activity: {
        title: 'Recent activity',
        none: 'Nothing recorded yet.',
        system: 'System',
        open_log: 'Open the audit log',
      },
      our_people: {
        by_role: 'By role',
        by_language: 'By language',
        none: 'No people recorded yet.',
      },
      contributions: {
        title: 'Our part of the coalition totals',
        none: 'Your organization has reported no progress yet.',
        sentence: "We reported %{ours} of the coalition's %{total} %{unit}",
        share: '%{percent} of what the coalition reported',
        target: 'Coalition goal: %{target}',
      },
      charts: {
        title: 'Charts',
        loading: 'Loading the chart…',
        error: 'Could not load the chart.',
        no_data: 'No numbers to show yet.',
        show_table: 'Show as table',
        hide_table: 'Hide table',
        download_csv: 'Download CSV',
        download_csv_of: 'Download CSV: %{title}',
        progress: {
          title: 'Reported progress over time',
          campaign: 'Campaign',
          metric: 'Goal',
          caption: 'Line chart: %{metric} reported for %{campaign}, cumulative, week by week.',
          week: 'Week of',
          total: 'Reported so far',
          no_campaign: 'No campaign to chart yet.',
        },
        attendance: {
          title: 'Attendance per event (last 6 months)',
          caption:
            'Bar chart: for each event of the last 6 months, people counted at the door and attendance reported by the hosts.',
          event: 'Event',
          date: 'Date',
          counted: 'Counted at the door',
          reported: 'Reported by hosts',
        },
        new_members: {
          title: 'New member organizations per month',
          caption: 'Bar chart: member organizations approved each month over the last 24 months.',
          month: 'Month',
          count: 'New member organizations',
        },
      },
    },
  },
};

/** The shape both dashboard catalogs share. */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type DashboardMessages = Messages<typeof dashboardEn>;
