// What a new workspace starts with (docs/METRICS.md#defaults): the reason taxonomy, the rating criteria, the
// MQL qualification checklist, and the interview guides. Editable afterwards; these are only
// the first values.

export interface DefaultCategory {
  name: string;
  reasons: string[];
}

export const DEFAULT_TAXONOMY: DefaultCategory[] = [
  { name: 'Product/Solution', reasons: ['Product fit', 'Missing capability', 'Ease of use', 'Reporting depth'] },
  { name: 'Price/Commercials', reasons: ['Price', 'Contract terms', 'Total cost of ownership'] },
  { name: 'Sales experience', reasons: ['Responsiveness', 'Understanding of our needs', 'Demo and proof of concept'] },
  { name: 'Company/Trust', reasons: ['Vendor viability', 'References and reputation', 'Security and compliance'] },
  { name: 'Implementation/Support/Risk', reasons: ['Implementation effort', 'Support quality', 'Migration risk'] },
  {
    name: 'Competitor/Incumbent',
    reasons: ['Incumbent relationship', 'Competitor bundle or discount', 'Existing platform standard'],
  },
  { name: 'Buyer side', reasons: ['Budget', 'Timing', 'No decision / status quo', 'Internal politics'] },
];

export const DEFAULT_RATING_CRITERIA: { key: string; label: string }[] = [
  { key: 'product_fit', label: 'Product fit' },
  { key: 'price_value', label: 'Price / value' },
  { key: 'sales_experience', label: 'Sales experience' },
  { key: 'implementation', label: 'Implementation / onboarding' },
  { key: 'vendor_trust', label: 'Vendor trust and viability' },
  { key: 'integrations', label: 'Integrations' },
  { key: 'support', label: 'Support' },
];

export const DEFAULT_QUALIFICATION_CRITERIA: { key: string; label: string; kind: 'fit' | 'dynamic' }[] = [
  { key: 'right_sector', label: 'Right sector', kind: 'fit' },
  { key: 'company_size', label: 'Company size and revenue', kind: 'fit' },
  { key: 'decision_maker', label: 'Decision-maker reached', kind: 'dynamic' },
  { key: 'engagement', label: 'Campaign engagement so far', kind: 'dynamic' },
  { key: 'need_identified', label: 'Need or pain identified', kind: 'dynamic' },
  { key: 'timeframe', label: 'Able to buy in a suitable timeframe', kind: 'dynamic' },
  { key: 'budget', label: 'Has budget', kind: 'dynamic' },
];

export interface GuideSection {
  title: string;
  questions: { key: string; text: string }[];
}

const opening: GuideSection = {
  title: 'Context',
  questions: [
    { key: 'trigger', text: 'What made you start looking for a solution, and what was at stake?' },
    { key: 'alternatives', text: 'Which options did you consider, including doing nothing?' },
    { key: 'process', text: 'Who was involved in the decision and how did you compare the options?' },
  ],
};

const closing: GuideSection = {
  title: 'Advice',
  questions: [
    { key: 'one_change', text: 'If we could have changed one thing, what would it have been?' },
    { key: 'anything_else', text: 'Is there anything we did not ask that we should know?' },
  ],
};

export const DEFAULT_GUIDES: { name: string; defaultFor: 'won' | 'lost' | 'no_decision'; sections: GuideSection[] }[] =
  [
    {
      name: 'Won deal interview',
      defaultFor: 'won',
      sections: [
        opening,
        {
          title: 'Why us',
          questions: [
            { key: 'deciding_factor', text: 'What was the deciding factor in choosing us?' },
            { key: 'almost_lost', text: 'Where did we nearly lose you?' },
            { key: 'competitor_best', text: 'What did the strongest alternative do better than we did?' },
          ],
        },
        closing,
      ],
    },
    {
      name: 'Lost deal interview',
      defaultFor: 'lost',
      sections: [
        opening,
        {
          title: 'Why not us',
          questions: [
            { key: 'deciding_factor', text: 'What was the deciding factor in choosing the other vendor?' },
            { key: 'our_gap', text: 'Where did we fall short?' },
            { key: 'our_best', text: 'What did we do better than the vendor you chose?' },
          ],
        },
        closing,
      ],
    },
    {
      name: 'No-decision interview',
      defaultFor: 'no_decision',
      sections: [
        opening,
        {
          title: 'Why no change',
          questions: [
            { key: 'stopped', text: 'What stopped the project from going ahead?' },
            { key: 'revisit', text: 'What would need to be true to revisit it?' },
          ],
        },
        closing,
      ],
    },
  ];

export const DEFAULT_THEMES = [
  'pricing',
  'onboarding',
  'integrations',
  'reporting',
  'support',
  'security',
  'usability',
  'roadmap',
  'relationship',
];
