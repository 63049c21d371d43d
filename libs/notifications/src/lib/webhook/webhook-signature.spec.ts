import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const secret = 'gateway-secret-0123456789';
const body = Buffer.from('{"from":"+84912345678","text":"OK 123456"}');

describe('inbound webhook signatures', () => {
  it('accepts the HMAC of the raw body, with or without the sha256= prefix', () => {
    const signature = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(body, signature, secret)).toBe(true);
    expect(verifyWebhookSignature(body, signature.replace('sha256=', ''), secret)).toBe(true);
  });

  it('refuses another body, another secret, a missing or malformed signature', () => {
    const signature = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(Buffer.from('{"from":"+84912345678","text":"OK 123457"}'), signature, secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, 'another-secret')).toBe(false);
    expect(verifyWebhookSignature(body, undefined, secret)).toBe(false);
    expect(verifyWebhookSignature(body, 'sha256=zz', secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, '')).toBe(false);
  });
});
