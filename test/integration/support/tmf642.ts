import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedNmsApiKeyDto, NmsSourceDto } from '@netduty/contracts';
import type { ApiClient } from './stack';

/** The TMF642 document as the project ships it (copied from TM Forum's, Apache-2.0). */
const SPEC_FILE = join(__dirname, '../../../libs/alarms/src/lib/tmf642/TMF642-Alarm-v4.0.0.swagger.json');

export type ResponseDefinition = 'Alarm' | 'AckAlarms' | 'ClearAlarms' | 'CommentAlarms' | 'GroupAlarms' | 'EventSubscription' | 'Error';

/**
 * The spec's own response schemas, compiled here independently of the api's code. One erratum, the
 * same the api documents: v4.0.0 types Alarm.id and AlarmRefOrValue.id as integer, TMF630 (and the
 * spec's AlarmRef.id) as string; NetDuty's ids are UUIDs. Nothing else is changed, and extra
 * properties stay allowed as the spec allows them.
 */
export function responseValidators(): Record<ResponseDefinition, ValidateFunction> {
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as { definitions: Record<string, { properties: Record<string, { type?: string }> }> };
  for (const name of ['Alarm', 'AlarmRefOrValue']) {
    const id = spec.definitions[name]?.properties['id'];
    if (id?.type !== 'integer') throw new Error(`the erratum on ${name}.id no longer applies`);
    id.type = 'string';
  }
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv, ['date-time', 'uri']);
  ajv.addSchema({ $id: 'tmf642-test', definitions: spec.definitions });
  const compile = (name: ResponseDefinition) => ajv.compile({ $ref: `tmf642-test#/definitions/${name}` });
  return {
    Alarm: compile('Alarm'),
    AckAlarms: compile('AckAlarms'),
    ClearAlarms: compile('ClearAlarms'),
    CommentAlarms: compile('CommentAlarms'),
    GroupAlarms: compile('GroupAlarms'),
    EventSubscription: compile('EventSubscription'),
    Error: compile('Error'),
  };
}

export interface TmfResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  /** From sending until the answer's headers, in ms. */
  elapsedMs: number;
}

/** A request to a TMF642 route (outside /api/v1) with an NMS's key. */
export function tmf<T = unknown>(baseUrl: string, method: string, path: string, key: string | null, body?: unknown): Promise<TmfResponse<T>> {
  return tmfAt<T>(baseUrl, '/tmf-api/alarm/v4', method, path, key, body);
}

/** A request to any TMF API's route (`basePath` e.g. /tmf-api/troubleTicket/v4) with an NMS's key. */
export async function tmfAt<T = unknown>(baseUrl: string, basePath: string, method: string, path: string, key: string | null, body?: unknown): Promise<TmfResponse<T>> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${basePath}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const elapsedMs = performance.now() - started;
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T, elapsedMs };
}

/** An NMS source of an operator and one API key of it, made through the admin API (as an administrator would). */
export async function newNmsSource(admin: ApiClient, id: string, operatorCode: string, name = `NMS ${id}`): Promise<string> {
  const created = await admin.request<NmsSourceDto>('POST', '/nms-sources', { id, operatorCode, name });
  if (created.status !== 201) throw new Error(`source: ${created.status} ${JSON.stringify(created.body)}`);
  const key = await admin.request<IssuedNmsApiKeyDto>('POST', `/nms-sources/${id}/keys`, { label: 'integration' });
  if (key.status !== 201) throw new Error(`key: ${key.status} ${JSON.stringify(key.body)}`);
  return key.body.key;
}

export interface TmfErrorShape {
  code: string;
  reason: string;
  message: string;
  status: string;
  '@type': 'Error';
  problems?: { field: string; code: string; params?: Record<string, unknown> }[];
}
