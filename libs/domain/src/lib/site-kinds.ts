import type { OperatorKind, SiteKind } from '@netduty/contracts';

/** Postal operators run postal points; telecom operators every other kind of site. Told apart by the operator's kind. */
export function siteKindsOf(operatorKind: OperatorKind): SiteKind[] {
  switch (operatorKind) {
    case 'postal':
      return ['postal_point'];
    case 'telecom':
      return ['bts', 'broadband_node', 'transmission_node'];
  }
}
