// The Interviews area: the list with its search, capture, "why we win, why we lose", the quote
// library, the reason taxonomy, the interview guides and the import of interviews run in
// spreadsheets. Its sub-pages live in the hash query.
import '../styles/workspace.css';
import { TabPanel, Tabs } from '../components/Tabs.tsx';
import { ImportWizard } from '../imports/ImportWizard.tsx';
import { AnalysisPage } from './analysis/AnalysisPage.tsx';
import { NewInterview } from './capture/NewInterview.tsx';
import { InterviewEditor, NewInterviewForm } from './capture/InterviewEditor.tsx';
import { GuideEditor } from './guides/GuideEditor.tsx';
import { intParam, interviewsHref, useHashQuery } from './hash-query.ts';
import { InterviewList } from './list/InterviewList.tsx';
import { QuoteBrowser } from './quotes/QuoteBrowser.tsx';
import { TaxonomyEditor } from './taxonomy/TaxonomyEditor.tsx';
import './interviews.css';

const VIEWS = [
  { id: 'list', label: 'Interviews' },
  { id: 'analysis', label: 'Why we win & lose' },
  { id: 'quotes', label: 'Quote library' },
  { id: 'taxonomy', label: 'Reasons & themes' },
  { id: 'guides', label: 'Interview guides' },
  { id: 'import', label: 'Import' },
] as const;

/** The wizard's "done" step links to the list, which reads everything afresh. */
const noop = () => {};

export function InterviewsArea() {
  const params = useHashQuery();
  const id = intParam(params, 'id');
  if (id !== undefined) return <InterviewEditor key={id} id={id} />;
  const capture = intParam(params, 'capture');
  if (capture !== undefined) return <NewInterviewForm key={capture} dealId={capture} />;
  if (params.has('new')) return <NewInterview dealId={intParam(params, 'deal')} />;
  const view = VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'list';
  return (
    <div className="interviews" data-testid="interviews-area">
      <nav className="subnav" aria-label="Interviews pages">
        <Tabs
          label="Interviews"
          idBase="interviews"
          selected={view}
          items={VIEWS.map((v) => ({ ...v, href: interviewsHref(v.id === 'list' ? {} : { view: v.id }) }))}
        />
        <a className="button-link" href={interviewsHref({ new: 1 })} data-testid="new-interview">
          New interview
        </a>
      </nav>
      <TabPanel idBase="interviews" selected={view}>
        {/* Keyed by the query: following a link with other filters starts the view afresh from them. */}
        {view === 'list' && <InterviewList key={params.toString()} params={params} />}
        {view === 'analysis' && <AnalysisPage key={params.toString()} params={params} />}
        {view === 'quotes' && <QuoteBrowser key={params.toString()} params={params} />}
        {view === 'taxonomy' && <TaxonomyEditor />}
        {view === 'guides' && <GuideEditor />}
        {view === 'import' && <ImportWizard initialWhat="interviews" onImported={noop} />}
      </TabPanel>
    </div>
  );
}
