import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children once one of them threw while rendering. */
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
  /** When this changes (a new poll's group, say), the children get another try. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Catches a render error below it, so one broken part of the page does not blank the rest. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
