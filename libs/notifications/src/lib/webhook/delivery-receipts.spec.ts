import { parseDeliveryReceipts } from './delivery-receipts';

describe('parseDeliveryReceipts', () => {
  it('reads one receipt or a batch, keeping a reason only when given', () => {
    expect(parseDeliveryReceipts({ messageId: 'a', status: 'delivered' })).toEqual({ ok: true, receipts: [{ messageId: 'a', status: 'delivered' }] });
    expect(parseDeliveryReceipts({ receipts: [{ messageId: 'a', status: 'failed', reason: 'off' }, { messageId: 'b', status: 'delivered' }] })).toEqual({
      ok: true,
      receipts: [
        { messageId: 'a', status: 'failed', reason: 'off' },
        { messageId: 'b', status: 'delivered' },
      ],
    });
  });

  it('names every problem by its path and applies nothing from a body with one', () => {
    expect(parseDeliveryReceipts([])).toEqual({ ok: false, problems: [{ field: 'body', code: 'not_an_object' }] });
    expect(parseDeliveryReceipts({ receipts: 'x' })).toEqual({ ok: false, problems: [{ field: 'receipts', code: 'not_an_array' }] });
    expect(parseDeliveryReceipts({ messageId: '', status: 'delivered', reason: 3 })).toEqual({
      ok: false,
      problems: [
        { field: 'messageId', code: 'required' },
        { field: 'reason', code: 'not_a_string' },
      ],
    });
    expect(parseDeliveryReceipts({ receipts: [{ messageId: 'a', status: 'delivered' }, { messageId: 'x'.repeat(201) }] })).toEqual({
      ok: false,
      problems: [
        { field: 'receipts.1.messageId', code: 'too_long', params: { max: 200 } },
        { field: 'receipts.1.status', code: 'required' },
      ],
    });
  });
});
