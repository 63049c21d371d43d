import type { ValidateFunction } from 'ajv';
import type { FieldProblem } from '@netduty/contracts';
import { InvalidInputError } from '@netduty/platform-errors';
import { tmfSpecValidator } from '../tmf/tmf-spec-validator';
// TM Forum's own published document (Apache-2.0, LICENSE-TMForum-APIs.txt beside it), bundled with the
// code, unchanged: its ids are already strings.
import publishedSpec from './TMF621-TroubleTicket-v4.0.0.swagger.json';

/** The definitions of TMF621 that NetDuty validates bodies against or answers with. */
export type Tmf621Definition = 'TroubleTicket' | 'TroubleTicket_Create' | 'TroubleTicket_Update' | 'EventSubscription' | 'EventSubscriptionInput' | 'Error';

const tmf621 = tmfSpecValidator<Tmf621Definition>(publishedSpec, 'https://netduty.local/schemas/tmf621-trouble-ticket-v4.0.0.json');

export function tmf621Validator(definition: Tmf621Definition): ValidateFunction {
  return tmf621.validator(definition);
}

export function tmf621Problems(definition: Tmf621Definition, body: unknown): FieldProblem[] {
  return tmf621.problems(definition, body);
}

/** Malformed against the spec's schema: 400 naming each field. */
export function requireTicketConforming(definition: Tmf621Definition, body: unknown): Record<string, unknown> {
  const problems = tmf621Problems(definition, body);
  if (problems.length > 0) throw new InvalidInputError(problems);
  return body as Record<string, unknown>;
}
