import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { get, type Page } from './api';
import type { Site } from './types';
import { useAuth } from './auth';

const LAST_SITE = 'sitework.lastSite';

/** The sites the user holds a role on (GET /api/sites lists exactly those; an org admin sees all). */
export function useSites() {
  const { token } = useAuth();
  return useQuery({
    queryKey: ['sites', token],
    queryFn: () => get<Page<Site>>('/api/sites?size=200&sort=code,asc').then((page) => page.items),
    enabled: !!token,
    staleTime: 5 * 60_000,
  });
}

/** The site in the address, or the last one chosen, or the first one the user may see. */
export function useCurrentSite(): { site: Site | undefined; sites: Site[]; loading: boolean; error: unknown } {
  const { siteId } = useParams();
  const { data: sites = [], isLoading, error } = useSites();
  const wanted = siteId ?? localStorage.getItem(LAST_SITE) ?? undefined;
  const site = sites.find((s) => s.id === wanted) ?? (siteId ? undefined : sites[0]);
  if (site) localStorage.setItem(LAST_SITE, site.id);
  return { site, sites, loading: isLoading, error };
}

export function useSiteZone(siteId: string | undefined): string {
  const { data: sites = [] } = useSites();
  return sites.find((s) => s.id === siteId)?.timeZone ?? 'UTC';
}
