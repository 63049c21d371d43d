import { useQuery } from '@tanstack/react-query';
import { fetchDeploymentMode } from '../api/drill-mode';

/** The mode does not change while the api runs: read once, kept for the whole visit. */
export function useDrillMode(): boolean {
  const mode = useQuery({ queryKey: ['deployment-mode'], queryFn: fetchDeploymentMode, staleTime: Infinity, gcTime: Infinity });
  return mode.data?.drill ?? false;
}
