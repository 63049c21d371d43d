import {
  ALARM_WEBHOOK_LIMITS,
  PERCEIVED_SEVERITIES,
  WEBHOOK_TIME_FORMATS,
  type AlarmWebhookMapping,
  type FieldProblem,
  type WebhookClearDetection,
  type WebhookFieldSource,
  type WebhookMappedFieldSource,
  type WebhookTimeSource,
} from '@netduty/contracts';
import { pathProblem } from './webhook-jsonpath';

type Body = Record<string, unknown>;

const FIELD_KEYS = ['path', 'value'] as const;
const MAPPED_FIELD_KEYS = ['path', 'value', 'valueMap'] as const;
const TIME_KEYS = ['path', 'format'] as const;
const CLEAR_KEYS = ['path', 'clearedValues'] as const;
const MAPPING_KEYS = ['items', 'externalAlarmId', 'siteCode', 'perceivedSeverity', 'probableCause', 'alarmType', 'specificProblem', 'raisedTime', 'clearedTime', 'clear'] as const;

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class MappingReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly prefix: string) {}

  field(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  add(name: string, code: FieldProblem['code'], params?: FieldProblem['params']): void {
    this.problems.push({ field: this.field(name), code, ...(params ? { params } : {}) });
  }

  object(name: string, value: unknown, allowed: readonly string[]): Body | undefined {
    if (!isObject(value)) {
      this.add(name, 'not_an_object');
      return undefined;
    }
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.add(`${name}.${key}`, 'unknown_field');
    return value;
  }

  path(name: string, value: unknown): string | undefined {
    if (typeof value !== 'string') {
      this.add(name, value === undefined ? 'required' : 'not_a_string');
      return undefined;
    }
    const path = value.trim();
    if (path === '') {
      this.add(name, 'required');
      return undefined;
    }
    if (path.length > ALARM_WEBHOOK_LIMITS.pathMaxLength) {
      this.add(name, 'too_long', { max: ALARM_WEBHOOK_LIMITS.pathMaxLength });
      return undefined;
    }
    const problem = pathProblem(path);
    if (problem) {
      this.add(name, 'invalid', { rule: problem });
      return undefined;
    }
    return path;
  }

  text(name: string, value: unknown): string | undefined {
    if (typeof value !== 'string') {
      this.add(name, 'not_a_string');
      return undefined;
    }
    const text = value.trim();
    if (text === '') {
      this.add(name, 'required');
      return undefined;
    }
    if (text.length > ALARM_WEBHOOK_LIMITS.mappedValueMaxLength) {
      this.add(name, 'too_long', { max: ALARM_WEBHOOK_LIMITS.mappedValueMaxLength });
      return undefined;
    }
    return text;
  }

  /** `{path}` or `{value}`, exactly one of them. */
  source(name: string, value: unknown, keys: readonly string[] = FIELD_KEYS): WebhookFieldSource | undefined {
    const body = this.object(name, value, keys);
    if (!body) return undefined;
    const hasPath = body['path'] !== undefined;
    const hasValue = body['value'] !== undefined;
    if (hasPath === hasValue) {
      this.add(name, 'invalid', { rule: 'path_or_value' });
      return undefined;
    }
    if (hasPath) {
      const path = this.path(`${name}.path`, body['path']);
      return path === undefined ? undefined : { path };
    }
    const constant = this.text(`${name}.value`, body['value']);
    return constant === undefined ? undefined : { value: constant };
  }

  mapped(name: string, value: unknown, allowedTargets?: readonly string[]): WebhookMappedFieldSource | undefined {
    const source = this.source(name, value, MAPPED_FIELD_KEYS);
    const raw = isObject(value) ? value['valueMap'] : undefined;
    if (raw === undefined) return source;
    if (!isObject(raw)) {
      this.add(`${name}.valueMap`, 'not_an_object');
      return undefined;
    }
    const entries = Object.entries(raw);
    if (entries.length > ALARM_WEBHOOK_LIMITS.valueMapMaxEntries) {
      this.add(`${name}.valueMap`, 'too_many_items', { max: ALARM_WEBHOOK_LIMITS.valueMapMaxEntries });
      return undefined;
    }
    const valueMap: Record<string, string> = {};
    let valid = true;
    for (const [from, to] of entries) {
      const field = `${name}.valueMap.${from}`;
      if (from === '__proto__' || from === 'constructor' || from === 'prototype') {
        this.add(field, 'invalid', { rule: 'reserved_key' });
        valid = false;
        continue;
      }
      if (from.length > ALARM_WEBHOOK_LIMITS.mappedValueMaxLength) {
        this.add(field, 'too_long', { max: ALARM_WEBHOOK_LIMITS.mappedValueMaxLength });
        valid = false;
        continue;
      }
      const target = this.text(field, to);
      if (target === undefined) valid = false;
      else if (allowedTargets && !allowedTargets.includes(target)) {
        this.add(field, 'not_one_of', { allowed: allowedTargets });
        valid = false;
      } else valueMap[from] = target;
    }
    return source && valid ? { ...source, valueMap } : undefined;
  }

  time(name: string, value: unknown): WebhookTimeSource | undefined {
    const body = this.object(name, value, TIME_KEYS);
    if (!body) return undefined;
    const path = this.path(`${name}.path`, body['path']);
    const format = body['format'];
    if (format !== undefined && !(WEBHOOK_TIME_FORMATS as readonly unknown[]).includes(format)) {
      this.add(`${name}.format`, 'not_one_of', { allowed: WEBHOOK_TIME_FORMATS });
      return undefined;
    }
    if (path === undefined) return undefined;
    return format === undefined ? { path } : { path, format: format as WebhookTimeSource['format'] };
  }

  clear(name: string, value: unknown): WebhookClearDetection | undefined {
    const body = this.object(name, value, CLEAR_KEYS);
    if (!body) return undefined;
    const path = this.path(`${name}.path`, body['path']);
    const values = body['clearedValues'];
    if (!Array.isArray(values)) {
      this.add(`${name}.clearedValues`, values === undefined ? 'required' : 'not_an_array');
      return undefined;
    }
    if (values.length === 0) {
      this.add(`${name}.clearedValues`, 'too_few_items', { min: 1 });
      return undefined;
    }
    if (values.length > ALARM_WEBHOOK_LIMITS.clearedValuesMax) {
      this.add(`${name}.clearedValues`, 'too_many_items', { max: ALARM_WEBHOOK_LIMITS.clearedValuesMax });
      return undefined;
    }
    const clearedValues: string[] = [];
    values.forEach((item: unknown, index) => {
      // A vendor's state may be a number or a boolean (cleared: 1, isCleared: true): compared as text.
      if (typeof item === 'number' || typeof item === 'boolean') clearedValues.push(String(item));
      else {
        const text = this.text(`${name}.clearedValues.${index}`, item);
        if (text !== undefined) clearedValues.push(text);
      }
    });
    if (path === undefined || clearedValues.length !== values.length) return undefined;
    return { path, clearedValues };
  }
}

export type MappingValidation = { mapping: AlarmWebhookMapping; problems: [] } | { mapping: null; problems: FieldProblem[] };

/**
 * A webhook mapping as an administrator sends it, checked whole: every problem is named by its field
 * (under `prefix`, e.g. `mapping.siteCode.path`), and only a mapping without any is returned.
 */
export function validateWebhookMapping(raw: unknown, prefix = ''): MappingValidation {
  const reader = new MappingReader(prefix);
  if (!isObject(raw)) {
    reader.problems.push({ field: prefix || 'body', code: 'not_an_object' });
    return { mapping: null, problems: reader.problems };
  }
  for (const key of Object.keys(raw)) if (!(MAPPING_KEYS as readonly string[]).includes(key)) reader.add(key, 'unknown_field');
  const required = (name: string) => {
    if (raw[name] === undefined) {
      reader.add(name, 'required');
      return false;
    }
    return true;
  };
  const items = raw['items'] === undefined ? '$' : reader.path('items', raw['items']);
  const externalAlarmId = required('externalAlarmId') ? reader.source('externalAlarmId', raw['externalAlarmId']) : undefined;
  const siteCode = required('siteCode') ? reader.source('siteCode', raw['siteCode']) : undefined;
  const perceivedSeverity = required('perceivedSeverity') ? reader.mapped('perceivedSeverity', raw['perceivedSeverity'], PERCEIVED_SEVERITIES) : undefined;
  const probableCause = required('probableCause') ? reader.mapped('probableCause', raw['probableCause']) : undefined;
  const alarmType = required('alarmType') ? reader.mapped('alarmType', raw['alarmType']) : undefined;
  const specificProblem = raw['specificProblem'] === undefined ? undefined : reader.source('specificProblem', raw['specificProblem']);
  const raisedTime = required('raisedTime') ? reader.time('raisedTime', raw['raisedTime']) : undefined;
  const clearedTime = raw['clearedTime'] === undefined ? undefined : reader.time('clearedTime', raw['clearedTime']);
  const clear = raw['clear'] === undefined ? undefined : reader.clear('clear', raw['clear']);
  if (reader.problems.length > 0 || !items || !externalAlarmId || !siteCode || !perceivedSeverity || !probableCause || !alarmType || !raisedTime) {
    return { mapping: null, problems: reader.problems };
  }
  return {
    mapping: {
      items,
      externalAlarmId,
      siteCode,
      perceivedSeverity,
      probableCause,
      alarmType,
      raisedTime,
      ...(specificProblem ? { specificProblem } : {}),
      ...(clearedTime ? { clearedTime } : {}),
      ...(clear ? { clear } : {}),
    },
    problems: [],
  };
}
