import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FieldProblem, NotificationPreferenceDto } from '@netduty/contracts';
import { NOTIFICATION_CHANNELS, SEVERITIES } from '@netduty/contracts';
import { AuditService } from '@netduty/identity';
import { NotificationPreferenceEntity } from '@netduty/persistence';
import { InvalidInputError } from '@netduty/platform-errors';
import { DEFAULT_CHANNELS_BY_SEVERITY } from '../planning/plan-deliveries';

export function preferenceProblems(preferences: readonly NotificationPreferenceDto[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  preferences.forEach((preference, index) => {
    if (!SEVERITIES.includes(preference.severity)) problems.push({ field: `preferences.${index}.severity`, code: 'not_one_of', params: { allowed: SEVERITIES } });
    else if (seen.has(preference.severity)) problems.push({ field: `preferences.${index}.severity`, code: 'already_used' });
    seen.add(preference.severity);
    if (!Array.isArray(preference.channels)) problems.push({ field: `preferences.${index}.channels`, code: 'not_an_array' });
    else {
      preference.channels.forEach((channel, position) => {
        if (!NOTIFICATION_CHANNELS.includes(channel)) {
          problems.push({ field: `preferences.${index}.channels.${position}`, code: 'not_one_of', params: { allowed: NOTIFICATION_CHANNELS } });
        }
      });
    }
  });
  return problems;
}

/** A person's channels per severity; a severity they never set shows (and uses) the default. */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async forUser(userId: string): Promise<NotificationPreferenceDto[]> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId });
    return SEVERITIES.map((severity) => ({
      severity,
      channels: [...(rows.find((row) => row.severity === severity)?.channels ?? DEFAULT_CHANNELS_BY_SEVERITY[severity])],
    }));
  }

  /** Replaces the given severities' choices (others keep theirs); audited. Critical and P0 still use every channel. */
  async set(userId: string, preferences: readonly NotificationPreferenceDto[]): Promise<NotificationPreferenceDto[]> {
    const problems = preferenceProblems(preferences);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const before = await this.forUser(userId);
    await this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(NotificationPreferenceEntity);
      for (const preference of preferences) {
        await repository.upsert({ userId, severity: preference.severity, channels: [...new Set(preference.channels)] }, ['userId', 'severity']);
      }
      const after = await em.getRepository(NotificationPreferenceEntity).findBy({ userId });
      await this.audit.record({ action: 'notification_preferences.update', entityType: 'user', entityId: userId, before, after: after.map(({ severity, channels }) => ({ severity, channels })) }, em);
    });
    return this.forUser(userId);
  }
}
