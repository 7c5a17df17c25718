// The Deals area: the table (with its views and exports), one deal, a new deal, the import
// wizard and the import log. Sub-pages are hash parameters (#/deals?deal=12, ?tab=import), so
// the back button works; the table keeps its view while the user looks at a deal.
import '../styles/workspace.css';
import { useCallback, useState } from 'react';
import type { DealFilter, DealViewState, UndoToken } from '#shared/domain/deals.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { useSettings } from '../settings/use-settings.ts';
import { UndoBar } from '../components/UndoBar.tsx';
import type { UndoOffer } from '../components/UndoBar.tsx';
import { EmptyState } from '../components/Notice.tsx';
import { TabPanel, Tabs } from '../components/Tabs.tsx';
import { ImportLog } from '../imports/ImportLog.tsx';
import { ImportWizard } from '../imports/ImportWizard.tsx';
import { hrefFor, navigate, useHashParams } from '../lib/hash-params.ts';
import { DealForm } from './DealForm.tsx';
import { emptyDraft, inputOf } from './deal-form-state.ts';
import { DEFAULT_VIEW } from './deal-view-state.ts';
import { DealPage } from './DealPage.tsx';
import { DealsTable } from './DealsTable.tsx';

/** The data-quality note's links: which deals each one lists. */
const QUALITY_FILTERS: Record<string, DealFilter> = {
  'lost-no-amount': { outcomes: ['lost'], noAmount: true },
  'no-deal-type': { dealTypeAssumed: true },
};

export function DealsArea() {
  const params = useHashParams();
  const [view, setView] = useState<DealViewState>(DEFAULT_VIEW);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const options = useQuery((api) => api.deals.options(), []);
  const settings = useSettings();
  const count = useQuery((api) => api.deals.summary({ filter: {} }), []);
  const closeUndo = useCallback(() => setUndo(null), []);
  // #/deals?competitor=ID (from a competitor's page) opens the table filtered to its deals.
  const competitorParam = Number(params.get('competitor')) || null;
  const [seenCompetitor, setSeenCompetitor] = useState<number | null>(null);
  if (competitorParam !== seenCompetitor) {
    setSeenCompetitor(competitorParam);
    if (competitorParam !== null) setView({ ...DEFAULT_VIEW, filter: { competitorId: competitorParam } });
  }

  // #/deals?quality=… (from the data-quality note) opens the table on the deals it counts.
  const qualityParam = params.get('quality');
  const [seenQuality, setSeenQuality] = useState<string | null>(null);
  if (qualityParam !== seenQuality) {
    setSeenQuality(qualityParam);
    const filter = QUALITY_FILTERS[qualityParam ?? ''];
    if (filter) setView({ ...DEFAULT_VIEW, filter });
  }

  // Writes invalidate the deals domain themselves (api/domains.ts): only the undo offer is kept here.
  const offerUndo = (token: UndoToken) => {
    setUndo({
      label: token.label,
      run: async () => {
        const r = await call((api) => api.deals.undo({ token: token.token }));
        navigate('/deals', r.dealId !== null ? { deal: r.dealId } : {});
      },
    });
  };

  const tab = params.get('tab') ?? 'table';
  const dealId = Number(params.get('deal'));
  let body;
  if (params.get('new')) {
    body = (
      <DealForm
        title="New deal"
        initial={emptyDraft(settings.data?.currency ?? 'USD')}
        options={options.data}
        onCancel={() => navigate('/deals')}
        onSave={async (draft) => {
          const r = await call((api) => api.deals.create(inputOf(draft)));
          offerUndo(r.undo);
          navigate('/deals', { deal: r.deal.id });
        }}
      />
    );
  } else if (Number.isInteger(dealId) && dealId > 0) {
    body = <DealPage id={dealId} options={options.data} onChanged={offerUndo} />;
  } else if (tab === 'import') {
    body = (
      <ImportWizard
        initialWhat={
          (['revenue', 'interviews', 'leads', 'competitors'] as const).find((w) => w === params.get('what')) ?? 'deals'
        }
      />
    );
  } else if (tab === 'log') {
    body = <ImportLog selected={Number(params.get('batch')) || null} />;
  } else if (count.data && count.data.deals === 0) {
    body = (
      <EmptyState title="No deals in this workspace yet">
        <p>Import a CSV export from Salesforce, HubSpot, Pipedrive or a spreadsheet, or add a deal by hand.</p>
        <div className="form-actions">
          <a className="button" href={hrefFor('/deals', { tab: 'import' })} data-testid="empty-import">
            Import a CSV file
          </a>
          <a className="button secondary" href={hrefFor('/deals', { new: 1 })}>
            Add a deal
          </a>
        </div>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <QualityFilterNote view={view} onView={setView} />
        <DealsTable view={view} onView={setView} />
      </>
    );
  }

  const inTable = !params.get('new') && !(dealId > 0);
  return (
    <div className="deals-area">
      {inTable && (
        <header className="page-head area-head">
          <h1>Deals</h1>
          <Tabs
            label="Deals"
            idBase="deals"
            className="area-tabs"
            selected={tab}
            items={[
              { id: 'table', label: 'Table', href: hrefFor('/deals'), testId: 'tab-table' },
              { id: 'import', label: 'Import', href: hrefFor('/deals', { tab: 'import' }), testId: 'tab-import' },
              { id: 'log', label: 'Import log', href: hrefFor('/deals', { tab: 'log' }), testId: 'tab-log' },
            ]}
          />
          {tab === 'table' && (
            <a className="button" href={hrefFor('/deals', { new: 1 })} data-testid="new-deal">
              New deal
            </a>
          )}
        </header>
      )}
      {inTable ? (
        <TabPanel idBase="deals" selected={tab}>
          {body}
        </TabPanel>
      ) : (
        body
      )}
      <UndoBar offer={undo} onClose={closeUndo} />
    </div>
  );
}

/** The data-quality filters have no control of their own: say they are on, and offer to drop them. */
function QualityFilterNote({ view, onView }: { view: DealViewState; onView: (v: DealViewState) => void }) {
  const { noAmount, dealTypeAssumed, ...rest } = view.filter;
  if (!noAmount && !dealTypeAssumed) return null;
  return (
    <p className="notice" role="status" data-testid="quality-filter">
      Showing only{' '}
      {[noAmount && 'deals with no amount (0 or blank)', dealTypeAssumed && 'deals imported without a deal type']
        .filter(Boolean)
        .join(' and ')}
      .{' '}
      <button type="button" className="link" onClick={() => onView({ ...view, filter: rest })}>
        Show all deals
      </button>
    </p>
  );
}
