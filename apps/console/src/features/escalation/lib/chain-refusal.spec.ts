import { chainRefusalReason } from './chain-refusal';

describe('chainRefusalReason', () => {
  it('reads the reason of a refused chain change', () => {
    expect(chainRefusalReason({ statusCode: 409, code: 'conflict', details: { reason: 'no_round_left' } })).toBe('no_round_left');
  });

  it('is null for an unknown reason, another code or no details', () => {
    expect(chainRefusalReason({ statusCode: 409, code: 'conflict', details: { reason: 'tomorrow' } })).toBeNull();
    expect(chainRefusalReason({ statusCode: 400, code: 'validation_failed', details: { reason: 'no_policy' } })).toBeNull();
    expect(chainRefusalReason({ statusCode: 409, code: 'conflict' })).toBeNull();
  });
});
