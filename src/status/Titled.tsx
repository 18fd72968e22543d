import type { ReactNode } from 'react';
import { Card } from '../components/Card';

/**
 * A card of the status page: its own card (h2) with one gateway, a part of that gateway's section
 * (h3, without a frame of its own) with several.
 */
export function Titled({ level, title, children }: { level: 2 | 3; title: string; children: ReactNode }) {
  if (level === 2) return <Card title={title}>{children}</Card>;
  return (
    <section aria-label={title} className="border-t border-slate-100 dark:border-slate-800 pt-2">
      <h3 className="mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">{title}</h3>
      {children}
    </section>
  );
}

/** The heading one level below a Titled of `level`. */
export const Subheading = ({ level, children }: { level: 2 | 3; children: ReactNode }) => {
  const className = 'mt-3 text-sm font-semibold text-slate-800 dark:text-slate-100';
  return level === 2 ? <h3 className={className}>{children}</h3> : <h4 className={className}>{children}</h4>;
};
