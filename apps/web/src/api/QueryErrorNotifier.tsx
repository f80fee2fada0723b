import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { useErrorReporter } from './use-error-reporter';

/**
 * Tells the user when loading a page's data fails (mutations report their own failures).
 * A 401 is left out: the sign-in page follows, which says enough.
 */
export function QueryErrorNotifier() {
  const queryClient = useQueryClient();
  const report = useErrorReporter();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        if (error instanceof ApiError && error.status === 401) return;
        report(error);
      }),
    [queryClient, report],
  );
  return null;
}
