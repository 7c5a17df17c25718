// The builder's state as a report spec, and the edits it allows (add, move, change, remove a
// section). Pure, so the builder's rules are tested without a browser.
import type { ReportSection, ReportSpec, SectionKind } from '#shared/domain/reports.ts';
import { newSection } from '#shared/domain/reports.ts';

export function defaultSpec(): ReportSpec {
  return {
    title: 'Win/loss review',
    author: '',
    period: { kind: 'relative', preset: 'lastQuarter' },
    filters: [],
    pageSize: 'A4',
    sections: [newSection('summary', 's1'), newSection('matrix', 's2'), newSection('reasons', 's3')],
  };
}

export function nextSectionId(spec: ReportSpec): string {
  const used = new Set(spec.sections.map((s) => s.id));
  let i = spec.sections.length + 1;
  while (used.has(`s${i}`)) i++;
  return `s${i}`;
}

/** `plan` names the saved plan a new plan section starts on. */
export function addSection(spec: ReportSpec, kind: SectionKind, plan = ''): ReportSpec {
  return { ...spec, sections: [...spec.sections, newSection(kind, nextSectionId(spec), plan)] };
}

export function moveSection(spec: ReportSpec, id: string, by: -1 | 1): ReportSpec {
  const i = spec.sections.findIndex((s) => s.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= spec.sections.length) return spec;
  const sections = [...spec.sections];
  [sections[i], sections[j]] = [sections[j]!, sections[i]!];
  return { ...spec, sections };
}

export function updateSection(spec: ReportSpec, id: string, patch: Partial<ReportSection>): ReportSpec {
  return {
    ...spec,
    sections: spec.sections.map((s) => (s.id === id ? ({ ...s, ...patch } as ReportSection) : s)),
  };
}

export function removeSection(spec: ReportSpec, id: string): ReportSpec {
  return { ...spec, sections: spec.sections.filter((s) => s.id !== id) };
}
