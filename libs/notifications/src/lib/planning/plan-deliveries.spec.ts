import { deliveryUrgencyRank } from './delivery-urgency';
import { planDeliveries, type NotificationRecipient } from './plan-deliveries';

const payload = { titleKey: 'escalation.fired' as const, params: { reference: 'SC-1' } };
const gateways = { email: 'gw-email', sms: 'gw-sms', zalo: 'gw-zalo', telegram: 'gw-telegram' };
const lan: NotificationRecipient = {
  userId: 'u-lan',
  addresses: { email: 'lan@example.vn', sms: '0912345678', zalo: '0912345678' },
  preferences: { minor: ['in_app', 'telegram'], major: ['sms'] },
};
const request = (severity: 'critical' | 'major' | 'minor' | 'warning', priority: 'P0' | 'P1' | 'P2') => ({
  sourceKey: 'escalation-1', incidentId: 'i-1', severity, priority, payload,
});
const codes = () => '000001';
const channelsOf = (plan: ReturnType<typeof planDeliveries>) => plan.deliveries.map((delivery) => delivery.channel);

describe('planning deliveries', () => {
  it('uses every channel a person can be reached on for a critical incident, whatever they chose', () => {
    expect(channelsOf(planDeliveries(request('critical', 'P2'), [lan], gateways, codes))).toEqual(['in_app', 'email', 'sms', 'zalo']);
  });

  it('uses every channel for a P0 site even at a low severity', () => {
    expect(channelsOf(planDeliveries(request('warning', 'P0'), [lan], gateways, codes))).toEqual(['in_app', 'email', 'sms', 'zalo']);
  });

  it('otherwise follows the person\'s choice for the severity and reports what it cannot reach', () => {
    const plan = planDeliveries(request('minor', 'P1'), [lan], gateways, codes);
    expect(channelsOf(plan)).toEqual(['in_app']);
    expect(plan.skipped).toEqual([{ userId: 'u-lan', channel: 'telegram', reason: 'no_address' }]);
    expect(channelsOf(planDeliveries(request('major', 'P1'), [lan], gateways, codes))).toEqual(['sms']);
  });

  it('falls back to the default for a severity the person has not set', () => {
    expect(channelsOf(planDeliveries(request('warning', 'P2'), [lan], gateways, codes))).toEqual(['in_app']);
  });

  it('skips a channel without an enabled gateway, and gives SMS a reply code', () => {
    const plan = planDeliveries(request('critical', 'P1'), [lan], { email: 'gw-email', sms: 'gw-sms' }, codes);
    expect(channelsOf(plan)).toEqual(['in_app', 'email', 'sms']);
    expect(plan.skipped).toEqual([{ userId: 'u-lan', channel: 'zalo', reason: 'no_gateway' }]);
    expect(plan.deliveries.find((delivery) => delivery.channel === 'sms')?.ackCode).toBe('000001');
    expect(plan.deliveries.find((delivery) => delivery.channel === 'email')?.ackCode).toBeNull();
  });

  it('plans one delivery per (recipient, channel) even when a recipient is listed twice', () => {
    const plan = planDeliveries(request('critical', 'P0'), [lan, lan], gateways, codes);
    expect(plan.deliveries).toHaveLength(4);
  });

  it('ranks P0 first, then severity', () => {
    expect(deliveryUrgencyRank('critical', 'P0')).toBe(0);
    expect(deliveryUrgencyRank('warning', 'P0')).toBeLessThan(deliveryUrgencyRank('critical', 'P1'));
    expect(deliveryUrgencyRank('critical', 'P1')).toBeLessThan(deliveryUrgencyRank('major', 'P1'));
  });
});
