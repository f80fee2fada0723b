import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** One cache for the app. Answers the server refused (4xx) are not retried: asking again changes nothing. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});
