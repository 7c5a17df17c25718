// Workspace settings: the win-rate definition in force and the low-n thresholds (docs/METRICS.md#closed, #low-n).
import { BackupsPanel } from '../safety/BackupsPanel.tsx';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Settings } from '#shared/domain/settings.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import type { AppInfo } from '#shared/domain/workspace.ts';
import { ApiError, call } from '../api/client.ts';
import { useSettings } from './use-settings.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatBytes } from '../lib/format.ts';
import { CurrencySection } from './CurrencySection.tsx';
import { NumberField } from './NumberField.tsx';
import { ArchivePanel } from '../workspace/ArchivePanel.tsx';

type Draft = {
  includeNoDecision: boolean;
  lowConfidenceBelowN: string;
  hideRateBelowN: string;
  backupKeepLast: string;
  backupKeepDays: string;
};

function toDraft(s: Settings): Draft {
  return {
    includeNoDecision: s.includeNoDecision,
    lowConfidenceBelowN: String(s.lowConfidenceBelowN),
    hideRateBelowN: String(s.hideRateBelowN),
    backupKeepLast: String(s.backupKeepLast),
    backupKeepDays: String(s.backupKeepDays),
  };
}

export function SettingsPage({ info, onRestored }: { info: AppInfo; onRestored: () => void }) {
  const settings = useSettings();
  const [edited, setDraft] = useState<Draft | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);

  // The form shows the stored settings until the user edits them.
  const draft = edited ?? (settings.data ? toDraft(settings.data) : null);

  if (settings.error) return <ErrorMessage error={settings.error} />;
  if (!draft) return <p className="muted">Loading…</p>;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    setSaved(false);
    try {
      const next = await call((api) =>
        api.settings.update({
          includeNoDecision: draft.includeNoDecision,
          lowConfidenceBelowN: Number(draft.lowConfidenceBelowN),
          hideRateBelowN: Number(draft.hideRateBelowN),
          backupKeepLast: Number(draft.backupKeepLast),
          backupKeepDays: Number(draft.backupKeepDays),
        }),
      );
      setDraft(toDraft(next));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.issues) {
        setFieldErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      }
      setError(err as Error);
    }
  };

  type NumberKey = Exclude<keyof Draft, 'includeNoDecision'>;
  const numberField = (key: NumberKey, label: string, min: number, max?: number, testId?: string) => (
    <NumberField
      label={label}
      name={key}
      value={draft[key]}
      min={min}
      max={max}
      error={fieldErrors[key]}
      onChange={(value) => setDraft({ ...draft, [key]: value })}
      testId={testId}
    />
  );

  return (
    <div className="settings">
      <header className="page-head">
        <h1>Settings</h1>
        <p className="muted">These apply to this workspace and to every figure, export and report made from it.</p>
      </header>
      <form className="panel form" onSubmit={save} noValidate>
        <fieldset>
          <legend>Win rate</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.includeNoDecision}
              onChange={(e) => setDraft({ ...draft, includeNoDecision: e.target.checked })}
              data-testid="include-no-decision"
            />
            Count no-decision deals as closed
          </label>
          <p className="muted small">{closedDefinition(draft)}</p>
        </fieldset>
        <fieldset>
          <legend>Small samples</legend>
          {numberField('lowConfidenceBelowN', 'Grey a rate as low-confidence when n is below', 1)}
          {numberField(
            'hideRateBelowN',
            'Hide the rate (show counts only) when n is below',
            0,
            undefined,
            'hide-rate-below',
          )}
        </fieldset>
        <fieldset>
          <legend>Backups</legend>
          {numberField('backupKeepLast', 'Keep this many of the newest backups', 1, 100, 'backup-keep-last')}
          {numberField(
            'backupKeepDays',
            'and the newest backup of each of the last days (0 for none)',
            0,
            90,
            'backup-keep-days',
          )}
          <p className="muted small">Older backups are removed each time a new one is written.</p>
        </fieldset>
        <div className="form-actions">
          <button type="submit" data-testid="save-settings">
            Save settings
          </button>
          {saved && <span className="ok">Saved.</span>}
        </div>
        {error && !Object.keys(fieldErrors).length && <ErrorMessage error={error} />}
      </form>
      {settings.data && <CurrencySection current={settings.data.currency} onChanged={settings.reload} />}
      <section className="panel">
        <h2>Workspace file</h2>
        {info.workspace ? (
          <dl className="facts">
            <dt>File</dt>
            <dd data-testid="workspace-path">{info.workspace.path}</dd>
            <dt>Size</dt>
            <dd>{formatBytes(info.workspace.sizeBytes)}</dd>
            <dt>Schema version</dt>
            <dd>{info.workspace.schemaVersion}</dd>
            {info.workspace.backupPath && (
              <>
                <dt>Backup before the last upgrade</dt>
                <dd>{info.workspace.backupPath}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="muted">No workspace is open.</p>
        )}
        <p className="muted small">Winnow version {info.version}.</p>
      </section>
      {info.workspace && <BackupsPanel onRestored={onRestored} />}
      <ArchivePanel hasWorkspace={info.workspace !== null} />
    </div>
  );
}
