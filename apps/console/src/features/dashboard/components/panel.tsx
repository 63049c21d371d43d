import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  /** Beside the title: a period, a toggle. */
  extra?: ReactNode;
  className?: string;
  testId: string;
  children: ReactNode;
}

/** A titled block of the dashboard; its body fills what the layout gives it (the wall's grid cells). */
export function Panel({ title, extra, className, testId, children }: PanelProps) {
  return (
    <section className={`dash-panel${className ? ` ${className}` : ''}`} aria-label={title} data-testid={testId}>
      <header className="dash-panel__head">
        <h2 className="dash-panel__title">{title}</h2>
        {extra && <div className="dash-panel__extra">{extra}</div>}
      </header>
      <div className="dash-panel__body">{children}</div>
    </section>
  );
}

/** What a panel says when it has nothing to show. */
export function PanelNote({ children }: { children: ReactNode }) {
  return <p className="dash-note">{children}</p>;
}
