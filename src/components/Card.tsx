import type { ReactNode } from 'react';

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(8rem,14rem)_1fr] gap-2 border-t border-slate-100 dark:border-slate-800 py-1.5 first:border-t-0">
      <dt className="text-sm text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="text-sm text-slate-900 dark:text-slate-50 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3"
    >
      <h2 className="mb-2 font-semibold text-slate-800 dark:text-slate-100">{title}</h2>
      {children}
    </section>
  );
}
