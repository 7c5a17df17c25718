// Hash routing (#/deals): works from file:// in Electron and over the loopback test host alike,
// and never asks the main process to navigate.
import { useEffect, useState } from 'react';

function current(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash.split('?')[0]! : '/';
}

export function useHashRoute(): string {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const onChange = () => setPath(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}
