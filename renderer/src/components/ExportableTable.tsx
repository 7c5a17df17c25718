// A table with the shared export menu above it: CSV of the cells exactly as the screen shows
// them, after the context rows. Wraps any table component without changing it.
import type { ReactNode } from 'react';
import { useRef } from 'react';
import type { ExportMenuProps } from './ExportMenu.tsx';
import type { FigureContext } from './figure-context.ts';
import { ExportMenu } from './ExportMenu.tsx';

export function ExportableTable(props: {
  context: FigureContext;
  testId?: string;
  extra?: ExportMenuProps['extra'];
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  return (
    <div className="exportable" ref={box}>
      <div className="exportable-bar">
        <ExportMenu
          context={props.context}
          table={() => box.current?.querySelector('table') ?? null}
          testId={props.testId ?? 'table-export'}
          extra={props.extra}
        />
      </div>
      {props.children}
    </div>
  );
}
