// One tab strip for every area (the WAI-ARIA tabs pattern): role tablist/tab/tabpanel,
// aria-selected, and a roving tab stop, so Tab enters the strip once and the arrow keys, Home and
// End move between tabs and open them at once (automatic activation: opening a tab is cheap here).
// A tab is a link when its view lives in the hash route (it can be bookmarked, opened by a link
// from elsewhere), or a button when it is local state; both behave the same from the keyboard.
import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { tabKeyTarget } from './tab-keys.ts';
import './tabs.css';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  /** A hash route ('#/…'): the tab is a link to it. Without one, choosing it calls onSelect. */
  href?: string;
  testId?: string;
}

export interface TabsProps<T extends string> {
  /** Names the strip for screen readers ("Win-rate views"). */
  label: string;
  /** Prefix of the tabs' and the panel's element ids; unique on the page. */
  idBase: string;
  items: readonly TabItem<T>[];
  selected: T;
  onSelect?: (id: T) => void;
  className?: string;
}

export const tabId = (idBase: string, id: string) => `${idBase}-tab-${id}`;
export const panelId = (idBase: string) => `${idBase}-panel`;

export function Tabs<T extends string>({ label, idBase, items, selected, onSelect, className }: TabsProps<T>) {
  const refs = useRef<(HTMLElement | null)[]>([]);
  const open = (item: TabItem<T>) => {
    if (item.href) window.location.assign(item.href);
    else onSelect?.(item.id);
  };
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const next = tabKeyTarget(e.key, i, items.length);
    if (next === null) return;
    e.preventDefault();
    refs.current[next]?.focus();
    open(items[next]!);
  };
  return (
    <div className={`tab-strip ${className ?? ''}`} role="tablist" aria-label={label}>
      {items.map((item, i) => {
        const on = item.id === selected;
        const common = {
          id: tabId(idBase, item.id),
          role: 'tab',
          'aria-selected': on,
          'aria-controls': on ? panelId(idBase) : undefined,
          tabIndex: on ? 0 : -1,
          onKeyDown: (e: KeyboardEvent) => onKeyDown(e, i),
          'data-testid': item.testId,
        } as const;
        return item.href ? (
          <a key={item.id} href={item.href} ref={(el) => void (refs.current[i] = el)} {...common}>
            {item.label}
          </a>
        ) : (
          <button
            key={item.id}
            type="button"
            ref={(el) => void (refs.current[i] = el)}
            onClick={() => onSelect?.(item.id)}
            {...common}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

/** The selected tab's content, labelled by its tab. */
export function TabPanel({ idBase, selected, children }: { idBase: string; selected: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(idBase)} aria-labelledby={tabId(idBase, selected)} className="tab-panel">
      {children}
    </div>
  );
}
