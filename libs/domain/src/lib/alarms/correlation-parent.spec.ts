import { parentResolves, parentTitle } from './correlation-parent';

describe('parentResolves', () => {
  it('resolves the parent once every child has resolved', () => {
    expect(parentResolves(['resolved', 'resolved', 'resolved'])).toBe(true);
  });

  it('keeps the parent open while one child is still down', () => {
    expect(parentResolves(['resolved', 'open', 'resolved'])).toBe(false);
  });

  it('does not resolve a parent that has no children', () => {
    expect(parentResolves([])).toBe(false);
  });
});

describe('parentTitle', () => {
  it('names a feeder parent in Vietnamese and English', () => {
    expect(parentTitle('power_feeder', 'E13.1-471', 'vi')).toBe('Nghi mất điện lưới trên lộ/trạm E13.1-471');
    expect(parentTitle('power_feeder', 'E13.1-471', 'en')).toBe('Suspected mains failure on feeder E13.1-471');
  });

  it('names a route parent', () => {
    expect(parentTitle('transmission_route', 'R-LSN-01', 'vi')).toBe('Nghi đứt cáp quang tuyến R-LSN-01');
    expect(parentTitle('transmission_route', 'R-LSN-01', 'en')).toBe('Suspected fibre cut on route R-LSN-01');
  });

  it('names an aggregation node parent', () => {
    expect(parentTitle('aggregation_node', 'LSN-AGG-02', 'vi')).toBe('Nút tập trung LSN-AGG-02 mất liên lạc');
    expect(parentTitle('aggregation_node', 'LSN-AGG-02', 'en')).toBe('Aggregation node LSN-AGG-02 down');
  });
});
