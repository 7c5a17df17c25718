// Whether the sidebar shows labels or only icons. Narrow windows (under 1200 px, a 1024 px laptop)
// start collapsed so the analyses keep their width; the toggle overrides that and is remembered
// on this machine (localStorage: a layout preference, not workspace data).
import { useEffect, useState } from 'react';

const NARROW = '(max-width: 1199px)';
const KEY = 'winnow.sidebar';

function narrowNow(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches;
}

function storedChoice(): boolean | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'collapsed' ? true : v === 'expanded' ? false : null;
  } catch {
    return null; // storage refused (a locked-down profile): follow the window's width
  }
}

export function useSidebar(): { collapsed: boolean; toggle: () => void } {
  const [narrow, setNarrow] = useState(narrowNow);
  const [choice, setChoice] = useState(storedChoice);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(NARROW);
    const onChange = () => setNarrow(mq.matches);
    onChange(); // the window may have been resized between the first render and this effect
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const collapsed = choice ?? narrow;
  const toggle = () => {
    const next = !collapsed;
    setChoice(next);
    try {
      window.localStorage.setItem(KEY, next ? 'collapsed' : 'expanded');
    } catch {
      // not remembered; the choice still holds until the window closes
    }
  };
  return { collapsed, toggle };
}
