// What each write changes. After a successful write call (client.ts) or a finished job
// (jobs/use-job.ts), the queries of the domains it affects are invalidated: the ones on screen
// refetch, the others are dropped and load afresh when next shown. A workspace switch clears the whole cache.
// A unit test checks that every write channel of the contract is listed here.
import { queryClient } from './query-client.ts';

/** 'all': every query (the change reaches every analysis: deals, settings in force, a bulk load). */
export type Effect = readonly string[] | 'all' | 'reset';

/** Everything computed from deals and their outcomes. */
const DEAL_FIGURES = [
  'deals',
  'dashboard',
  'matrix',
  'overview',
  'competitors',
  'competitorProfile',
  'winloss',
  'sourced',
];
/** Everything that shows interviews, their codings, quotes and ratings. */
const INTERVIEW_FIGURES = ['interviews', 'quotes', 'winloss', 'competitorProfile', 'reasons', 'dashboard'];

export const WRITE_EFFECTS: Record<string, Effect> = {
  'competitors:create': ['competitors', 'deals', 'interviews'],
  'competitors:update': [...DEAL_FIGURES, 'interviews', 'quotes'],
  'competitors:addAlias': ['competitors', 'competitorProfile', 'import'],
  'competitors:removeAlias': ['competitors', 'competitorProfile', 'import'],
  'competitors:merge': 'all',
  'competitors:undoMerge': 'all',
  'deals:create': [...DEAL_FIGURES, 'retention', 'interviews'],
  'deals:update': [...DEAL_FIGURES, 'retention', 'interviews'],
  'deals:delete': [...DEAL_FIGURES, 'retention', 'interviews'],
  'deals:undo': [...DEAL_FIGURES, 'retention', 'interviews'],
  'guides:save': ['guides', 'interviews'],
  'guides:delete': ['guides', 'interviews'],
  // Staging steps of the import wizard write only its scratch tables; the import itself is a job.
  'import:pick': [],
  'import:inspect': [],
  'import:preview': [],
  'import:commit': [],
  'import:saveRejected': [],
  'import:saveMapping': ['import'],
  'import:deleteMapping': ['import'],
  'import:undo': [],
  'interviews:create': INTERVIEW_FIGURES,
  // Autosave: lists and analyses follow; the form itself keeps its own state while typing.
  'interviews:save': INTERVIEW_FIGURES,
  'interviews:complete': INTERVIEW_FIGURES,
  'interviews:reopen': INTERVIEW_FIGURES,
  'interviews:delete': INTERVIEW_FIGURES,
  // A saved plan changes only the list of plans; the figures come from the data.
  'plans:save': ['plans'],
  'plans:delete': ['plans'],
  'reasons:addCategory': ['reasons'],
  'reasons:renameCategory': ['reasons', ...INTERVIEW_FIGURES],
  'reasons:moveCategory': ['reasons', ...INTERVIEW_FIGURES],
  'reasons:retireCategory': ['reasons', ...INTERVIEW_FIGURES],
  'reasons:restoreCategory': ['reasons', ...INTERVIEW_FIGURES],
  'reasons:add': ['reasons'],
  'reasons:rename': ['reasons', 'deals', ...INTERVIEW_FIGURES],
  'reasons:reorder': ['reasons'],
  'reasons:move': ['reasons', ...INTERVIEW_FIGURES],
  'reasons:merge': ['reasons', 'deals', ...INTERVIEW_FIGURES],
  'reasons:retire': ['reasons', ...INTERVIEW_FIGURES],
  'reasons:restore': ['reasons', ...INTERVIEW_FIGURES],
  'retention:rebuild': [],
  // The definition of closed and the low-n thresholds change every rate shown.
  'reports:saveTemplate': ['reports'],
  'reports:deleteTemplate': ['reports'],
  'settings:update': 'all',
  // Every amount may have been converted.
  'settings:currency': 'all',
  'themes:create': ['reasons', 'quotes', 'interviews', 'winloss'],
  'themes:rename': ['reasons', 'quotes', 'interviews', 'winloss'],
  'views:save': ['views'],
  'views:delete': ['views'],
  // Session calls that change which workspace is open: nothing cached belongs to it.
  'workspace:create': 'reset',
  'workspace:open': 'reset',
};

/** What a finished job changed, by job kind (jobs that only read, such as exports, change nothing). */
export const JOB_EFFECTS: Record<string, Effect> = {
  demo: 'all',
  import: 'all',
  undoImport: 'all',
  retention: ['retention'],
};

/** value: the call's answer; a workspace dialog the user cancelled answers null and changes nothing. */
export function applyEffect(effect: Effect | undefined, value?: unknown): void {
  if (!effect) return;
  if (effect === 'reset') {
    if (value === null) return;
    queryClient.removeQueries({ type: 'inactive' });
    void queryClient.resetQueries();
  } else if (effect === 'all') refresh({});
  else for (const domain of new Set(effect)) refresh({ queryKey: [domain] });
}

/**
 * Screens on view refetch, keeping their figures until the new ones arrive; answers cached for
 * screens not on view are dropped, so a screen opened after a write never shows figures from
 * before it (a stale-then-refresh flash would show, say, cohorts that no longer hold).
 */
function refresh(filters: { queryKey?: readonly unknown[] }): void {
  queryClient.removeQueries({ ...filters, type: 'inactive' });
  void queryClient.invalidateQueries(filters);
}
