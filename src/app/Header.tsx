import { Link, useRoute } from 'wouter';

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
  return (
    <header className="bg-teal-800 text-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-2">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="./favicon.svg" alt="" className="size-6" />
          Pushboard
        </span>
        <NavLink href="/">Groups</NavLink>
        <NavLink href="/status">Status</NavLink>
      </nav>
    </header>
  );
}
