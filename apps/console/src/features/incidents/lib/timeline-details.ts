import type { DeadlineKind, TimelineEventDto } from '@netduty/contracts';
import { DEADLINE_KINDS } from '@netduty/contracts';
import { ESCALATION_LEVELS, type EscalationAudience } from '@netduty/domain';

/** What the console shows from a timeline event's free-form `data`, read defensively. */
export interface TimelineDetails {
  text?: string;
  note?: string;
  escalationLevel?: number;
  escalationKind?: DeadlineKind;
  escalationAudience?: EscalationAudience;
  responderNames?: string[];
}

function stringField(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

function namesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value
    .map((entry: unknown) => {
      if (typeof entry === 'string') return entry;
      if (typeof entry === 'object' && entry !== null && 'name' in entry && typeof entry.name === 'string') return entry.name;
      return undefined;
    })
    .filter((name): name is string => Boolean(name));
  return names.length > 0 ? names : undefined;
}

export function timelineDetails(event: Pick<TimelineEventDto, 'data'>): TimelineDetails {
  const data = event.data;
  const details: TimelineDetails = {};
  const text = stringField(data, 'text', 'comment');
  if (text) details.text = text;
  const note = stringField(data, 'note', 'reason');
  if (note) details.note = note;
  const level = data['level'];
  if (typeof level === 'number') details.escalationLevel = level;
  const kind = data['kind'];
  if (typeof kind === 'string' && (DEADLINE_KINDS as readonly string[]).includes(kind)) {
    details.escalationKind = kind as DeadlineKind;
  }
  const audience = data['audience'];
  const knownAudience = ESCALATION_LEVELS.find((entry) => entry.audience === audience);
  if (knownAudience) details.escalationAudience = knownAudience.audience;
  const names = namesOf(data['responderNames']) ?? namesOf(data['responders']);
  if (names) details.responderNames = names;
  return details;
}
