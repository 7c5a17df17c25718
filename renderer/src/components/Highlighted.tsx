// Text with search matches marked: segments from the core, rendered as text and <mark>, never
// as HTML.
import type { Segment } from '#shared/text/highlight.ts';

export function Highlighted({ segments, className }: { segments: Segment[]; className?: string }) {
  return (
    <span className={`user-text ${className ?? ''}`} dir="auto">
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
