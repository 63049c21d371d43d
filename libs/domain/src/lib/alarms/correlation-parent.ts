import type { UpstreamKind } from '@netduty/contracts';

/**
 * A parent incident is over when every child is: the feeder is back only when the last site it feeds is.
 * A parent without children has nothing to prove it over, so it stays for a person to close.
 */
export function parentResolves(childStatuses: readonly ('open' | 'resolved')[]): boolean {
  return childStatuses.length > 0 && childStatuses.every((status) => status === 'resolved');
}

/**
 * The parent's title, in the words a duty officer uses. "Suspected" because correlation infers the cause
 * from timing and inventory; a node that is unreachable is a fact, so its title says so.
 */
export function parentTitle(kind: UpstreamKind, key: string, language: 'vi' | 'en'): string {
  switch (kind) {
    case 'power_feeder':
      return language === 'vi' ? `Nghi mất điện lưới trên lộ/trạm ${key}` : `Suspected mains failure on feeder ${key}`;
    case 'transmission_route':
      return language === 'vi' ? `Nghi đứt cáp quang tuyến ${key}` : `Suspected fibre cut on route ${key}`;
    case 'aggregation_node':
      return language === 'vi' ? `Nút tập trung ${key} mất liên lạc` : `Aggregation node ${key} down`;
  }
}
