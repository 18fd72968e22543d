import { useEffect, useRef } from 'react';
import { typingInto } from './keys';

interface Options {
  /** Keys the handler still wants while focus is in a text field or a dialog (↓ from the filter box). */
  inField?: (e: KeyboardEvent) => boolean;
}

/**
 * The one way to listen for page-wide shortcuts, with the guards they all share: a key already
 * handled (defaultPrevented), one pressed with Ctrl, Meta or Alt, and one typed into a text field
 * or a dialog are left alone. When the handler returns true the key counts as handled
 * (preventDefault). The newest handler is used without registering the listener again.
 */
export function useGlobalKeydown(handler: (e: KeyboardEvent) => boolean | void, { inField }: Options = {}) {
  const latest = useRef({ handler, inField });
  useEffect(() => {
    latest.current = { handler, inField };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const { handler, inField } = latest.current;
      if (typingInto(e.target) && !inField?.(e)) return;
      if (handler(e) === true) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
