import { useState } from 'react';

/**
 * Which record a dialog edits, and whether it is open. The record stays while the dialog fades out,
 * so its title and fields do not change as it closes.
 */
export function useEditor<T>() {
  const [state, setState] = useState<{ open: boolean; value: T | null }>({ open: false, value: null });
  return {
    open: state.open,
    value: state.value,
    show: (value: T | null) => setState({ open: true, value }),
    hide: () => setState((s) => ({ ...s, open: false })),
  };
}
