// The app's areas. Each names the issue that builds it, so an area that has not landed can say
// so plainly instead of showing anything made up.

export interface Area {
  id: string;
  label: string;
  path: string;
  /** Where this area gets built, while it is not here yet ('issue #3'); null once it is. */
  pending: string | null;
  /** What the area will do, shown while it is pending. */
  purpose: string;
}

export const AREAS: Area[] = [
  { id: 'home', label: 'Home', path: '/', pending: null, purpose: 'Headline figures of the workspace.' },
  {
    id: 'deals',
    label: 'Deals',
    path: '/deals',
    pending: null,
    purpose:
      'Browse, filter and edit every deal; import CRM exports (Salesforce, HubSpot, Pipedrive, CSV) and export them back.',
  },
  {
    id: 'interviews',
    label: 'Interviews',
    path: '/interviews',
    pending: null,
    purpose: 'Log win/loss interviews, code reasons, keep a quote library, and see why we win and why we lose.',
  },
  {
    id: 'win-rates',
    label: 'Win rates',
    path: '/win-rates',
    pending: null,
    purpose:
      'Win-rate matrices by competitor, segment, region, product and period, each cell with n and its 95% interval.',
  },
  {
    id: 'competitors',
    label: 'Competitors',
    path: '/competitors',
    pending: null,
    purpose: 'A profile per competitor: win rate over time, head-to-head, reasons, ratings and quotes.',
  },
  {
    id: 'retention',
    label: 'Retention',
    path: '/retention',
    pending: null,
    purpose: 'Cohorts of customers by first revenue: logo retention, NRR and GRR, tied back to why we won them.',
  },
  {
    id: 'funnel',
    label: 'Funnel',
    path: '/funnel',
    pending: null,
    purpose: 'MQL-to-closed-deal conversion, velocity, and the needed-MQL planner.',
  },
  {
    id: 'reports',
    label: 'Reports',
    path: '/reports',
    pending: null,
    purpose: 'Build a report from the analyses, preview it, save it as a template and export it as PDF.',
  },
  {
    id: 'settings',
    label: 'Settings',
    path: '/settings',
    pending: null,
    purpose: 'Definitions and thresholds in force.',
  },
];

export function areaForPath(path: string): Area {
  return AREAS.find((a) => a.path === path) ?? AREAS[0]!;
}
