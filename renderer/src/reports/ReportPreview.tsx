// The in-app preview: the report document's own body and CSS, shown in a shadow root so its looks
// stay its own. The page's CSP forbids inline <style>, so the CSS is adopted as a constructed
// stylesheet; the body holds no script and no style attribute (the core builds it so).
import { useEffect, useRef } from 'react';
import type { ReportDocument } from '#shared/domain/reports.ts';
import styles from './reports.module.css';

export function ReportPreview({ doc }: { doc: ReportDocument }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(doc.css);
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = doc.body;
  }, [doc]);
  return <div ref={host} className={styles.preview} data-testid="report-preview" aria-label="Report preview" />;
}
