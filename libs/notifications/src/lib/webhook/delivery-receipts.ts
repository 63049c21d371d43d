import type { DeliveryReceiptDto, FieldProblem } from '@netduty/contracts';
import { DELIVERY_RECEIPT_BATCH_MAX, DELIVERY_RECEIPT_STATUSES } from '@netduty/contracts';

const MAX_ID_LENGTH = 200;
const MAX_REASON_LENGTH = 500;

/**
 * Reads a receipt webhook's body: one receipt object, or `{"receipts": [...]}`. Every problem is
 * named by its path (`receipts.3.status`), so a gateway's integrator sees what to fix; nothing is
 * applied from a body with any problem.
 */
export function parseDeliveryReceipts(body: unknown): { ok: true; receipts: DeliveryReceiptDto[] } | { ok: false; problems: FieldProblem[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problems: [{ field: 'body', code: 'not_an_object' }] };
  const batch = 'receipts' in body;
  const items: unknown = batch ? (body as { receipts: unknown }).receipts : [body];
  if (!Array.isArray(items)) return { ok: false, problems: [{ field: 'receipts', code: 'not_an_array' }] };
  if (items.length === 0) return { ok: false, problems: [{ field: 'receipts', code: 'too_few_items', params: { min: 1 } }] };
  if (items.length > DELIVERY_RECEIPT_BATCH_MAX) return { ok: false, problems: [{ field: 'receipts', code: 'too_many_items', params: { max: DELIVERY_RECEIPT_BATCH_MAX } }] };
  const problems: FieldProblem[] = [];
  const receipts: DeliveryReceiptDto[] = [];
  items.forEach((item: unknown, index) => {
    const at = (field: string) => (batch ? `receipts.${index}.${field}` : field);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ field: batch ? `receipts.${index}` : 'body', code: 'not_an_object' });
      return;
    }
    const { messageId, status, reason } = item as Record<string, unknown>;
    const before = problems.length;
    if (messageId === undefined || messageId === '') problems.push({ field: at('messageId'), code: 'required' });
    else if (typeof messageId !== 'string') problems.push({ field: at('messageId'), code: 'not_a_string' });
    else if (messageId.length > MAX_ID_LENGTH) problems.push({ field: at('messageId'), code: 'too_long', params: { max: MAX_ID_LENGTH } });
    if (status === undefined) problems.push({ field: at('status'), code: 'required' });
    else if (!DELIVERY_RECEIPT_STATUSES.includes(status as DeliveryReceiptDto['status'])) problems.push({ field: at('status'), code: 'not_one_of', params: { allowed: DELIVERY_RECEIPT_STATUSES } });
    if (reason !== undefined && typeof reason !== 'string') problems.push({ field: at('reason'), code: 'not_a_string' });
    else if (typeof reason === 'string' && reason.length > MAX_REASON_LENGTH) problems.push({ field: at('reason'), code: 'too_long', params: { max: MAX_REASON_LENGTH } });
    if (problems.length === before) receipts.push({ messageId: messageId as string, status: status as DeliveryReceiptDto['status'], ...(typeof reason === 'string' ? { reason } : {}) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, receipts };
}
