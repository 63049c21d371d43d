import type { Response } from 'express';
import { selectFields } from '@netduty/alarms';

/** One page of a TMF630 list: X-Total-Count (all that match) and X-Result-Count (this page), with `fields` applied. */
export function tmfPage(response: Response, page: { items: readonly object[]; total: number }, fields: readonly string[] | null): Record<string, unknown>[] {
  response.setHeader('X-Total-Count', String(page.total));
  response.setHeader('X-Result-Count', String(page.items.length));
  return page.items.map((item) => selectFields(item, fields));
}
