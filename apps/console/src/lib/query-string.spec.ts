import { buildQueryString } from './query-string';

describe('buildQueryString', () => {
  it('joins lists with commas and leaves out empty values', () => {
    expect(buildQueryString({ open: true, status: ['reported', 'acknowledged'], severity: [], operator: undefined })).toBe(
      '?open=true&status=reported%2Cacknowledged',
    );
  });

  it('returns nothing when there is nothing to send', () => {
    expect(buildQueryString({ severity: [] })).toBe('');
    expect(buildQueryString(undefined)).toBe('');
  });

  it('encodes a search term with spaces', () => {
    expect(buildQueryString({ q: 'dong kinh', limit: 20 })).toBe('?q=dong+kinh&limit=20');
  });
});
