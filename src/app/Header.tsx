import { Link, useRoute } from 'wouter';
import { useTheme, type ThemeChoice } from './theme';
import { Shortcuts } from './Shortcuts';
import { usePruneRules } from '../prune/api';
import { TimeZoneSelect } from './TimeZoneSelect';

function NavLink({ href, children }: { href: string; children: string }) {
  const [active] = useRoute(href);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-white ${
        active ? 'bg-white/15 text-white' : 'text-teal-50 hover:bg-white/10'
      }`}
    >
      {children}
    </Link>
  );
}

export function Header() {
  const rules = usePruneRules();
  return (
    <header className="bg-teal-800 text-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="./favicon.svg" alt="" className="size-6" />
          Pushboard
        </span>
        <NavLink href="/">Groups</NavLink>
        <NavLink href="/status">Status</NavLink>
        {rules && rules.rules.length > 0 && <NavLink href="/rules">Rules</NavLink>}
        <span className="ml-auto flex items-center gap-2">
          <Shortcuts />
          <TimeZoneSelect />
          <ThemeSelect />
        </span>
      </nav>
    </header>
  );
}

function ThemeSelect() {
  const [theme, setTheme] = useTheme();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-teal-50">
      <span className="sr-only sm:not-sr-only">Theme</span>
      <select
        value={theme}
        onChange={(e) => setTheme(e.target.value as ThemeChoice)}
        className="rounded border border-white/30 bg-teal-900 px-1.5 py-1 text-sm text-white focus-visible:outline-2 focus-visible:outline-white"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
