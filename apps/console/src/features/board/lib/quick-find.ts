import type { IncidentDto } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';

/** Everything an officer might type to find an incident, folded once ("dong kinh" finds "Đông Kinh"). */
export function incidentHaystack(incident: IncidentDto): string {
  const { site } = incident;
  return foldForSearch(
    [
      incident.reference,
      site.code,
      site.name,
      site.commune.name,
      site.commune.formerDistrict ?? '',
      site.operator.name,
      incident.description,
      incident.reporterName,
      ...incident.responders.map((responder) => responder.name),
    ].join(' '),
  );
}

/** Keeps the incidents whose haystack contains every word of the query, in any order. */
export function quickFind(
  incidents: readonly IncidentDto[],
  haystacks: ReadonlyMap<string, string>,
  query: string,
): readonly IncidentDto[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return incidents;
  return incidents.filter((incident) => {
    const haystack = haystacks.get(incident.id) ?? incidentHaystack(incident);
    return words.every((word) => haystack.includes(word));
  });
}
