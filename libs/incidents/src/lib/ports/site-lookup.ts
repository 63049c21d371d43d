import type { ReportedSite } from './incident-record';

export interface SiteLookup {
  find(siteId: string): Promise<ReportedSite | null>;
}
