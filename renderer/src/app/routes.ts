// The app's areas: where each lives and what it does (the sidebar shows the purpose as a hint).

export interface Area {
  id: string;
  label: string;
  path: string;
  /** What the area does, in a sentence (the sidebar link's hint). */
  purpose: string;
  /** A glyph the collapsed sidebar shows in place of the label (decorative: the label stays for screen readers). */
  icon: string;
}

export const AREAS: Area[] = [
  { id: 'home', icon: '⌂', label: 'Home', path: '/', purpose: 'Headline figures of the workspace.' },
  {
    id: 'deals',
    icon: '☰',
    label: 'Deals',
    path: '/deals',
    purpose:
      'Browse, filter and edit every deal; import CRM exports (Salesforce, HubSpot, Pipedrive, CSV) and export them back.',
  },
  {
    id: 'interviews',
    icon: '✎',
    label: 'Interviews',
    path: '/interviews',
    purpose: 'Log win/loss interviews, code reasons, keep a quote library, and see why we win and why we lose.',
  },
  {
    id: 'win-rates',
    icon: '%',
    label: 'Win rates',
    path: '/win-rates',
    purpose:
      'Win-rate matrices by competitor, segment, region, product and period, each cell with n and its 95% interval.',
  },
  {
    id: 'competitors',
    icon: '⚑',
    label: 'Competitors',
    path: '/competitors',
    purpose: 'A profile per competitor: win rate over time, head-to-head, reasons, ratings and quotes.',
  },
  {
    id: 'retention',
    icon: '↻',
    label: 'Retention',
    path: '/retention',
    purpose: 'Cohorts of customers by first revenue: logo retention, NRR and GRR, tied back to why we won them.',
  },
  {
    id: 'funnel',
    icon: '▽',
    label: 'Funnel',
    path: '/funnel',
    purpose: 'MQL-to-closed-deal conversion, velocity, and the needed-MQL planner.',
  },
  {
    id: 'reports',
    icon: '▤',
    label: 'Reports',
    path: '/reports',
    purpose: 'Build a report from the analyses, preview it, save it as a template and export it as PDF.',
  },
  {
    id: 'settings',
    icon: '⚙',
    label: 'Settings',
    path: '/settings',
    purpose: 'Definitions and thresholds in force.',
  },
];

export function areaForPath(path: string): Area {
  return AREAS.find((a) => a.path === path) ?? AREAS[0]!;
}
