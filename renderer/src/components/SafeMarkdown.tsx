// Notes in the safe Markdown subset (shared/text/markdown.ts), rendered as React elements: there
// is no HTML string anywhere, so nothing typed or imported can become markup. Links are shown,
// never followed: the link text, then its address as plain text when it is http(s).
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { Block, Inline } from '#shared/text/markdown.ts';
import { parseMarkdown } from '#shared/text/markdown.ts';

function inline(nodes: Inline[], key = ''): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}${i}`;
    switch (n.type) {
      case 'text':
        return n.text;
      case 'br':
        return <br key={k} />;
      case 'code':
        return <code key={k}>{n.text}</code>;
      case 'strong':
        return <strong key={k}>{inline(n.children, `${k}.`)}</strong>;
      case 'em':
        return <em key={k}>{inline(n.children, `${k}.`)}</em>;
      case 'link':
        return (
          <span key={k} className="md-link">
            {inline(n.children, `${k}.`)}
            {n.safe ? <span className="md-url"> ({n.url})</span> : <span className="md-url"> (link removed)</span>}
          </span>
        );
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case 'paragraph':
      return <p key={i}>{inline(b.content)}</p>;
    case 'heading': {
      const Tag = (['h3', 'h4', 'h5'] as const)[b.level - 1]!;
      return <Tag key={i}>{inline(b.content)}</Tag>;
    }
    case 'list':
      return b.ordered ? (
        <ol key={i} start={b.start}>
          {b.items.map((item, k) => (
            <li key={k}>{inline(item)}</li>
          ))}
        </ol>
      ) : (
        <ul key={i}>
          {b.items.map((item, k) => (
            <li key={k}>{inline(item)}</li>
          ))}
        </ul>
      );
    case 'quote':
      return <blockquote key={i}>{inline(b.content)}</blockquote>;
    case 'code':
      return (
        <pre key={i}>
          <code>{b.text}</code>
        </pre>
      );
  }
}

export function SafeMarkdown({ source, testId }: { source: string; testId?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown user-text" dir="auto" data-testid={testId}>
      {blocks.map(block)}
    </div>
  );
}
