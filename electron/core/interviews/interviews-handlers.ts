import type { HandlersOf } from '#shared/contract/index.ts';
import type { interviewsChannels } from '#shared/contract/interviews.ts';
import type { quotesChannels } from '#shared/contract/quotes.ts';
import type { themesChannels } from '#shared/contract/themes.ts';
import type { guidesChannels } from '#shared/contract/guides.ts';
import type { CoreContext } from '../rpc/context.ts';
import { deleteGuide, saveGuide } from './guide-store.ts';
import { exportInterviewsCsv, exportQuotesCsv } from './interview-export.ts';
import { listDrafts, listInterviews } from './interview-list.ts';
import { captureOptions, findDeals, interviewFacets, listGuides } from './interview-lookups.ts';
import {
  blankInterview,
  completeInterview,
  createInterview,
  deleteInterview,
  getInterview,
  reopenInterview,
  saveInterview,
} from './interview-store.ts';
import { listQuotes } from './quote-queries.ts';
import { createTheme, renameTheme } from './theme-store.ts';

const today = () => new Date().toISOString().slice(0, 10);

export const interviewsHandlers: HandlersOf<
  typeof interviewsChannels & typeof quotesChannels & typeof themesChannels & typeof guidesChannels,
  CoreContext
> = {
  'interviews:list': (arg, s) => listInterviews(s.require().sqlite, arg),
  'interviews:facets': (_arg, s) => interviewFacets(s.require().sqlite),
  'interviews:drafts': (arg, s) => listDrafts(s.require().sqlite, arg.limit),
  'interviews:findDeals': (arg, s) => findDeals(s.require().sqlite, arg.query, arg.limit, arg.dealId),
  'interviews:options': (_arg, s) => captureOptions(s.require().sqlite),
  'interviews:get': (arg, s) => getInterview(s.require().sqlite, arg.id),
  'interviews:blank': (arg, s) => blankInterview(s.require().sqlite, arg.dealId, arg.interviewDate),
  'interviews:create': (arg, s) => createInterview(s.require().sqlite, arg.dealId, arg.interviewDate),
  'interviews:save': (arg, s) => saveInterview(s.require().sqlite, arg.id, arg.draft, arg.dealId),
  'interviews:complete': (arg, s) => completeInterview(s.require().sqlite, arg.id),
  'interviews:reopen': (arg, s) => reopenInterview(s.require().sqlite, arg.id),
  'interviews:delete': (arg, s) => ({ deleted: deleteInterview(s.require().sqlite, arg.id) }),
  'interviews:export': async (arg, s) => {
    const ws = s.require();
    const path = await s.platform.pickSaveFile({
      title: arg.kind === 'interviews' ? 'Export interviews as CSV' : 'Export quotes as CSV',
      filters: [{ name: 'CSV files', extensions: ['csv'] }],
      defaultName: `winnow-${arg.kind}-${today()}.csv`,
    });
    if (!path) return null;
    const options = { includeAnonymousNames: arg.includeAnonymousNames };
    const rows =
      arg.kind === 'interviews'
        ? exportInterviewsCsv(ws.sqlite, arg.filters, path, options)
        : exportQuotesCsv(ws.sqlite, arg.filters, path, options);
    return { path, rows };
  },
  'quotes:list': (arg, s) => listQuotes(s.require().sqlite, arg.filters, arg.offset, arg.limit),
  'themes:create': (arg, s) => createTheme(s.require().sqlite, arg.name),
  'themes:rename': (arg, s) => renameTheme(s.require().sqlite, arg.id, arg.name),
  'guides:list': (_arg, s) => listGuides(s.require().sqlite),
  'guides:save': (arg, s) => saveGuide(s.require().sqlite, arg),
  'guides:delete': (arg, s) => ({ deleted: deleteGuide(s.require().sqlite, arg.id) }),
};
