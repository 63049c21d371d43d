import type { IncidentDto } from '@netduty/contracts';
import type { IncidentScope } from '@netduty/domain';

/** Reads the incident as the wire shows it (the use cases answer with it after the commit). */
export abstract class IncidentReader {
  /** Not found (NotFoundError) when missing or outside the scope; the default scope sees everything. */
  abstract getDto(id: string, scope?: IncidentScope): Promise<IncidentDto>;
}
