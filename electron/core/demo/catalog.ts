// The demo company and its market: Northwind Insight sells an analytics platform to B2B buyers.
// Everything here is invented. The knobs at the bottom plant the patterns the analyses should
// find; docs/DEMO.md lists them.

export const DEMO_COMPANY = 'Northwind Insight';

export interface SegmentSpec {
  name: string;
  weight: number;
  medianAmount: number;
  cycleMedianDays: number;
  baseWin: number;
  baseNoDecision: number;
  employeeBands: string[];
  revenueBands: string[];
  /** Base yearly churn probability at renewal. */
  churn: number;
  /** For segments invented by scaledSegments: the catalog segment whose products, teams and competitors apply. */
  like?: string;
}

export const SEGMENTS: SegmentSpec[] = [
  {
    name: 'SMB',
    weight: 0.45,
    medianAmount: 9_000,
    cycleMedianDays: 32,
    baseWin: 0.36,
    baseNoDecision: 0.14,
    employeeBands: ['1-49', '50-199'],
    revenueBands: ['<$10M', '$10M-$50M'],
    churn: 0.2,
  },
  {
    name: 'Mid-market',
    weight: 0.35,
    medianAmount: 38_000,
    cycleMedianDays: 64,
    baseWin: 0.31,
    baseNoDecision: 0.17,
    employeeBands: ['200-999', '1,000-4,999'],
    revenueBands: ['$50M-$250M', '$250M-$1B'],
    churn: 0.12,
  },
  {
    name: 'Enterprise',
    weight: 0.2,
    medianAmount: 145_000,
    cycleMedianDays: 118,
    baseWin: 0.27,
    baseNoDecision: 0.2,
    employeeBands: ['5,000-19,999', '20,000+'],
    revenueBands: ['$1B-$10B', '>$10B'],
    churn: 0.07,
  },
];

export const REGIONS: { name: string; weight: number; countries: string[] }[] = [
  { name: 'North America', weight: 0.5, countries: ['United States', 'Canada'] },
  { name: 'EMEA', weight: 0.3, countries: ['United Kingdom', 'Germany', 'France', 'Netherlands', 'Sweden', 'UAE'] },
  { name: 'APAC', weight: 0.15, countries: ['Australia', 'Japan', 'Singapore', 'India'] },
  { name: 'LATAM', weight: 0.05, countries: ['Brazil', 'Mexico', 'Chile'] },
];

export const SECTORS = [
  'Retail',
  'Financial services',
  'Healthcare',
  'Manufacturing',
  'Software',
  'Education',
  'Public sector',
  'Logistics',
  'Media',
];

export const TEAMS: { name: string; segments: string[]; regions: string[] }[] = [
  { name: 'Enterprise Americas', segments: ['Enterprise'], regions: ['North America', 'LATAM'] },
  { name: 'Enterprise International', segments: ['Enterprise'], regions: ['EMEA', 'APAC'] },
  { name: 'Mid-market Americas', segments: ['Mid-market'], regions: ['North America', 'LATAM'] },
  { name: 'Mid-market International', segments: ['Mid-market'], regions: ['EMEA', 'APAC'] },
  { name: 'SMB Velocity', segments: ['SMB'], regions: ['North America', 'EMEA', 'APAC', 'LATAM'] },
];

export const PRODUCTS: { name: string; line: string; priceFactor: number }[] = [
  { name: 'Insight Core', line: 'Platform', priceFactor: 0.7 },
  { name: 'Insight Pro', line: 'Platform', priceFactor: 1.0 },
  { name: 'Insight Enterprise', line: 'Platform', priceFactor: 1.35 },
  { name: 'Connectors Pack', line: 'Add-on', priceFactor: 0.35 },
  { name: 'Premium Support', line: 'Add-on', priceFactor: 0.25 },
];

/** Which platform edition each segment buys, by weight (indexes into PRODUCTS). */
export const PRODUCT_BY_SEGMENT: Record<string, [number, number][]> = {
  SMB: [
    [0, 0.7],
    [1, 0.3],
  ],
  'Mid-market': [
    [0, 0.2],
    [1, 0.6],
    [2, 0.2],
  ],
  Enterprise: [
    [1, 0.25],
    [2, 0.75],
  ],
};

export interface LeadSourceSpec {
  name: string;
  sourcedBy: 'marketing' | 'sales' | 'partner';
  weight: number;
  /** Multiplies the win probability: where good deals come from. */
  winLift: number;
}

export const LEAD_SOURCES: LeadSourceSpec[] = [
  { name: 'Webinar', sourcedBy: 'marketing', weight: 12, winLift: 1.1 },
  { name: 'Content download', sourcedBy: 'marketing', weight: 14, winLift: 0.9 },
  { name: 'Paid search', sourcedBy: 'marketing', weight: 12, winLift: 0.8 },
  { name: 'Event', sourcedBy: 'marketing', weight: 8, winLift: 1.05 },
  { name: 'Inbound demo request', sourcedBy: 'marketing', weight: 10, winLift: 1.35 },
  { name: 'Outbound prospecting', sourcedBy: 'sales', weight: 24, winLift: 0.85 },
  { name: 'Customer referral', sourcedBy: 'sales', weight: 8, winLift: 1.4 },
  { name: 'Partner referral', sourcedBy: 'partner', weight: 12, winLift: 1.15 },
];

export const CAMPAIGN_CHANNELS = [
  'webinar',
  'white paper',
  'event',
  'site visit',
  'demo request',
  'email',
  'paid search',
];
export const CAMPAIGN_TOPICS = [
  'Pipeline analytics 101',
  'Forecasting without spreadsheets',
  'Revenue operations playbook',
  'Win/loss benchmarks',
  'Data warehouse connectors',
  'Board-ready dashboards',
  'Customer retention signals',
  'Analytics for finance teams',
  'Governed self-service BI',
  'Migration from legacy BI',
  'Embedded analytics',
  'AI-assisted reporting',
];

export interface CompetitorSpec {
  name: string;
  /** Dirty spellings seen in CRM exports; aliases resolve them. */
  variants: string[];
  /** How often it shows up, per segment. */
  presence: Record<string, number>;
  /** Multiplier on our win probability when it is the primary competitor, per segment. */
  strength: Record<string, number>;
}

export const COMPETITORS: CompetitorSpec[] = [
  {
    name: 'Acme Analytics',
    variants: ['ACME Analytics Inc.', 'Acme Analytics, Inc', 'acme', 'ACME Corp.'],
    presence: { SMB: 6, 'Mid-market': 8, Enterprise: 6 },
    strength: { SMB: 0.85, 'Mid-market': 0.8, Enterprise: 0.85 },
  },
  {
    name: 'Brightline',
    variants: ['BrightLine Software', 'Brightline Inc', 'bright line', 'BRIGHTLINE'],
    presence: { SMB: 2, 'Mid-market': 5, Enterprise: 10 },
    strength: { SMB: 1.0, 'Mid-market': 0.95, Enterprise: 0.45 },
  },
  {
    name: 'Cobalt Systems',
    variants: ['Cobalt', 'Cobalt Systems Ltd', 'COBALT SYSTEMS'],
    presence: { SMB: 4, 'Mid-market': 6, Enterprise: 4 },
    strength: { SMB: 1.0, 'Mid-market': 1.0, Enterprise: 1.0 },
  },
  {
    name: 'DataForge',
    variants: ['Data Forge', 'Dataforge Corp.', 'DATAFORGE'],
    presence: { SMB: 3, 'Mid-market': 5, Enterprise: 5 },
    strength: { SMB: 0.9, 'Mid-market': 0.9, Enterprise: 0.9 },
  },
  {
    name: 'Everstack',
    variants: ['EverStack', 'Everstack GmbH'],
    presence: { SMB: 3, 'Mid-market': 3, Enterprise: 2 },
    strength: { SMB: 1.05, 'Mid-market': 1.0, Enterprise: 1.0 },
  },
  {
    name: 'Fathom IQ',
    variants: ['FathomIQ', 'Fathom I.Q.', 'Fathom'],
    presence: { SMB: 4, 'Mid-market': 3, Enterprise: 1 },
    strength: { SMB: 0.95, 'Mid-market': 1.0, Enterprise: 1.0 },
  },
  {
    name: 'Gridwise',
    variants: ['GridWise', 'Gridwise LLC'],
    presence: { SMB: 7, 'Mid-market': 2, Enterprise: 0.5 },
    strength: { SMB: 1.6, 'Mid-market': 1.15, Enterprise: 1.0 },
  },
  {
    name: 'Helix Cloud',
    variants: ['Helix', 'HelixCloud Inc.'],
    presence: { SMB: 2, 'Mid-market': 4, Enterprise: 4 },
    strength: { SMB: 1.0, 'Mid-market': 0.95, Enterprise: 0.9 },
  },
  {
    name: 'Ironbark BI',
    variants: ['Ironbark', 'Iron Bark BI'],
    presence: { SMB: 1, 'Mid-market': 2, Enterprise: 3 },
    strength: { SMB: 1.1, 'Mid-market': 1.05, Enterprise: 1.1 },
  },
  {
    name: 'Juniper Labs',
    variants: ['Juniper', 'Juniper Labs Ltd.'],
    presence: { SMB: 2, 'Mid-market': 2, Enterprise: 1 },
    strength: { SMB: 1.1, 'Mid-market': 1.1, Enterprise: 1.05 },
  },
];

export const STAGES = ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'] as const;
export const CLOSED_STAGE = { won: 'Closed Won', lost: 'Closed Lost', no_decision: 'No Decision' } as const;

export const FIRST_NAMES = [
  'Ava',
  'Ben',
  'Chloe',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Isla',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Priya',
  'Quinn',
  'Rafael',
  'Sofia',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Zoe',
  'Arjun',
  'Bea',
  'Carlos',
  'Dana',
  'Emil',
  'Fatima',
  'Gavin',
  'Hana',
  'Ivan',
  'Julia',
  'Kofi',
  'Lena',
  'Mateo',
];
export const LAST_NAMES = [
  'Adams',
  'Bauer',
  'Chen',
  'Diaz',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quint',
  'Rossi',
  'Santos',
  'Tanaka',
  'Uddin',
  'Varga',
  'Weber',
  'Xu',
  'Young',
  'Zimmer',
  'Novak',
  'Silva',
  'Brennan',
  'Costa',
];

export const ACCOUNT_PREFIXES = [
  'Blue',
  'North',
  'Silver',
  'Red',
  'Green',
  'Bright',
  'Summit',
  'Harbor',
  'Granite',
  'Cedar',
  'Pioneer',
  'Atlas',
  'Sterling',
  'Crescent',
  'Evergreen',
  'Union',
  'Coastal',
  'Prairie',
  'Metro',
  'Liberty',
  'Orchid',
  'Falcon',
  'Keystone',
  'Vertex',
  'Horizon',
  'Maple',
  'Aurora',
  'Beacon',
  'Copper',
  'Delta',
];
export const ACCOUNT_CORES = [
  'Ridge',
  'Point',
  'Valley',
  'River',
  'Stone',
  'Bay',
  'Field',
  'Gate',
  'Peak',
  'Lake',
  'Wood',
  'Bridge',
  'Port',
  'Hill',
  'Crest',
  'Haven',
  'Springs',
  'Grove',
  'Forge',
  'Line',
];
export const ACCOUNT_SUFFIXES: Record<string, string[]> = {
  Retail: ['Retail', 'Stores', 'Outfitters', 'Markets'],
  'Financial services': ['Capital', 'Bank', 'Insurance', 'Financial'],
  Healthcare: ['Health', 'Medical', 'Clinics', 'Care'],
  Manufacturing: ['Manufacturing', 'Industries', 'Components', 'Works'],
  Software: ['Software', 'Labs', 'Systems', 'Digital'],
  Education: ['University', 'Learning', 'Academy', 'Schools'],
  'Public sector': ['County', 'City Services', 'Agency', 'Authority'],
  Logistics: ['Logistics', 'Freight', 'Shipping', 'Transport'],
  Media: ['Media', 'Studios', 'Publishing', 'Broadcasting'],
};

export const BUYER_TITLES: Record<string, string[]> = {
  economic_buyer: ['CFO', 'VP Finance', 'Chief Data Officer', 'COO'],
  champion: ['Head of Analytics', 'Director of Revenue Operations', 'BI Manager'],
  technical_evaluator: ['Data Engineer', 'Solutions Architect', 'IT Director'],
  user: ['Sales Operations Analyst', 'Financial Analyst', 'Marketing Analyst'],
  rep: ['Account Executive'],
};

/** What reps write in the CRM as the reason, coded to the taxonomy's reason names. */
export const REP_REASONS = {
  won: [
    ['Product fit', 30],
    ['Price', 18],
    ['Responsiveness', 12],
    ['Demo and proof of concept', 14],
    ['References and reputation', 8],
    ['Implementation effort', 10],
    ['Support quality', 8],
  ],
  // Reps blame price far more often than buyers do: a finding the app should surface.
  lost: [
    ['Price', 46],
    ['Missing capability', 18],
    ['Competitor bundle or discount', 12],
    ['Incumbent relationship', 10],
    ['Vendor viability', 4],
    ['Timing', 10],
  ],
  no_decision: [
    ['No decision / status quo', 40],
    ['Budget', 30],
    ['Timing', 20],
    ['Internal politics', 10],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

/** What buyers say in interviews (the primary reason), by outcome. */
export const BUYER_REASONS = {
  won: [
    ['Product fit', 30],
    ['Demo and proof of concept', 15],
    ['Responsiveness', 14],
    ['Price', 14],
    ['References and reputation', 9],
    ['Implementation effort', 10],
    ['Support quality', 8],
  ],
  lost: [
    ['Missing capability', 24],
    ['Product fit', 8],
    ['Responsiveness', 14],
    ['Understanding of our needs', 12],
    ['Price', 16],
    ['Implementation effort', 8],
    ['Security and compliance', 8],
    ['Incumbent relationship', 10],
  ],
  no_decision: [
    ['No decision / status quo', 40],
    ['Budget', 25],
    ['Timing', 20],
    ['Internal politics', 15],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

/**
 * Quote templates by reason; {c} is the competitor's name, {n} a small number the generator
 * draws (days, weeks, people). Each quote is one template with an opener and a closer drawn
 * beside it (quote-wording.ts), so the demo's 300 quotes read as different people.
 */
export const QUOTES: Record<string, { text: string; themes: string[] }[]> = {
  'Product fit': [
    { text: 'It fit the way our analysts already work, so adoption was never in doubt.', themes: ['usability'] },
    { text: 'The data model matched our pipeline stages out of the box.', themes: ['reporting'] },
    { text: 'Our {n} regional teams could use the same reports without changes.', themes: ['reporting', 'usability'] },
    { text: 'We mapped our whole quarterly review onto it in an afternoon.', themes: ['reporting'] },
  ],
  'Missing capability': [
    {
      text: 'We needed row-level security on day one and it was still on the roadmap.',
      themes: ['security', 'roadmap'],
    },
    { text: '{c} already had the planning module; you asked us to wait two quarters.', themes: ['roadmap'] },
    { text: 'Forecast scenarios were a must-have, and the answer was "next release".', themes: ['roadmap'] },
    { text: 'Without a mobile view our field team of {n} would not have used it.', themes: ['usability', 'roadmap'] },
  ],
  Price: [
    { text: 'Honestly the price made the decision easy for finance.', themes: ['pricing'] },
    { text: 'At renewal the price gap with {c} was hard to justify.', themes: ['pricing'] },
    { text: 'Per-seat pricing for {n} occasional users did not add up.', themes: ['pricing'] },
    { text: '{c} came in about {n} percent lower and procurement stopped listening.', themes: ['pricing'] },
  ],
  Responsiveness: [
    { text: 'Every question got an answer within a day; that built trust.', themes: ['relationship'] },
    { text: 'We waited a week for pricing while {c} came back the same afternoon.', themes: ['relationship'] },
    { text: 'Your team turned our security questionnaire around in {n} days.', themes: ['relationship', 'security'] },
  ],
  'Understanding of our needs': [
    { text: 'The demo showed generic dashboards, not our problem.', themes: ['relationship'] },
    { text: 'They asked about our churn problem before showing a single screen.', themes: ['relationship'] },
    { text: 'Nobody asked how our {n} product lines roll up; {c} did.', themes: ['relationship', 'reporting'] },
  ],
  'Demo and proof of concept': [
    { text: 'The proof of concept on our own data sealed it.', themes: ['onboarding'] },
    {
      text: 'Seeing last quarter’s numbers reproduced in {n} days convinced the CFO.',
      themes: ['onboarding', 'reporting'],
    },
    { text: 'The trial ran on sample data only, so we never saw it with ours.', themes: ['onboarding'] },
  ],
  'References and reputation': [
    { text: 'Two peers in our industry vouched for you.', themes: ['relationship'] },
    { text: 'The reference call with a customer our size answered every doubt.', themes: ['relationship'] },
    { text: 'Analyst reports put {c} ahead, and the board reads those.', themes: ['relationship'] },
  ],
  'Implementation effort': [
    { text: 'Setup took days, not months; our IT team noticed.', themes: ['onboarding', 'integrations'] },
    { text: 'The connector to our warehouse needed too much custom work.', themes: ['integrations'] },
    { text: 'Single sign-on and the CRM sync worked on the first try.', themes: ['integrations', 'security'] },
    {
      text: 'The implementation plan asked for {n} weeks of our engineers’ time.',
      themes: ['onboarding', 'integrations'],
    },
  ],
  'Support quality': [
    { text: 'Support felt like part of our team during the trial.', themes: ['support'] },
    { text: 'Tickets sat for {n} days during the pilot, which worried us.', themes: ['support'] },
    { text: 'Having a named engineer on a shared channel made the difference.', themes: ['support', 'relationship'] },
  ],
  'Security and compliance': [
    { text: 'Our security review stalled on SSO and audit logs; {c} had both.', themes: ['security'] },
    { text: 'Data residency in the EU was non-negotiable for legal.', themes: ['security'] },
    { text: 'The SOC 2 report answered {n} of our questionnaire items at once.', themes: ['security'] },
  ],
  'Incumbent relationship': [
    { text: 'We already run {c} elsewhere, and switching costs were real.', themes: ['relationship'] },
    {
      text: 'Our team has used {c} for {n} years; retraining everyone was a hard sell.',
      themes: ['relationship', 'usability'],
    },
  ],
  'No decision / status quo': [
    { text: 'In the end the spreadsheets were good enough for another year.', themes: ['pricing'] },
    { text: 'We decided to fix our data first and look again in {n} months.', themes: ['reporting'] },
    { text: 'Nobody owned the project after our sponsor left.', themes: ['relationship'] },
  ],
  Budget: [
    { text: 'The budget was frozen halfway through the evaluation.', themes: ['pricing'] },
    { text: 'Finance cut discretionary software by {n} percent this year.', themes: ['pricing'] },
  ],
  Timing: [
    { text: 'A reorganisation pushed every new tool to next year.', themes: ['relationship'] },
    {
      text: 'We were mid-migration to a new CRM and could not take on {n} projects at once.',
      themes: ['integrations'],
    },
  ],
  'Internal politics': [
    { text: 'Two departments wanted different tools and nobody decided.', themes: ['relationship'] },
    { text: 'IT preferred {c} because they already manage it.', themes: ['relationship', 'integrations'] },
  ],
  'Competitor bundle or discount': [
    { text: '{c} threw the BI module into a bundle we already paid for.', themes: ['pricing'] },
    { text: '{c} offered the first {n} months free, and that ended the conversation.', themes: ['pricing'] },
  ],
};

/** How people start a sentence in an interview; blank for most quotes. */
export const QUOTE_OPENERS = [
  '',
  '',
  '',
  'Honestly, ',
  'To be fair, ',
  'If I am candid, ',
  'Looking back, ',
  'For us, ',
  'From where I sit, ',
  'Put simply: ',
];

/** What people add after the point; blank for most quotes. */
export const QUOTE_CLOSERS = [
  '',
  '',
  '',
  ' That was the deciding factor.',
  ' Everyone on the committee said the same.',
  ' It came up in every meeting.',
  ' That stuck with our CFO.',
  ' I would say that again today.',
];
