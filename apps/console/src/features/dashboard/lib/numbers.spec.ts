import { formatCount, formatPercent, percentOf } from './numbers';

describe('numbers', () => {
  it('groups thousands the Vietnamese way', () => {
    expect(formatCount(8100)).toBe('8.100');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('–');
  });

  it('writes a percentage with a decimal comma, one decimal at most', () => {
    expect(formatPercent(98.46)).toBe('98,5%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('–');
  });

  it('computes a share with one decimal, and none of nothing', () => {
    expect(percentOf(612, 640)).toBe(95.6);
    expect(percentOf(0, 0)).toBeNull();
  });
});
