import { useQuery } from '@tanstack/react-query';
import { get, type Page } from './api';
import type { Asset } from './types';

/** Every asset of a site (up to 200 a page; the tree is read page by page). */
export function useSiteAssets(siteId: string | undefined) {
  return useQuery({
    queryKey: ['assets', siteId],
    enabled: !!siteId,
    queryFn: async () => {
      const all: Asset[] = [];
      for (let page = 0; page < 50; page++) {
        const answer = await get<Page<Asset>>(`/api/assets?siteId=${siteId}&size=200&sort=tag,asc&page=${page}`);
        all.push(...answer.items);
        if (all.length >= answer.total || answer.items.length === 0) break;
      }
      return all;
    },
  });
}
