import { ackTokenKey, signAckToken, verifyAckToken } from './ack-token';

const key = ackTokenKey('x'.repeat(48));
const claims = {
  tokenId: '0b8f2c1e-0000-4000-8000-000000000001',
  incidentId: '0b8f2c1e-0000-4000-8000-000000000002',
  userId: '0b8f2c1e-0000-4000-8000-000000000003',
  expiresAt: Date.UTC(2026, 11, 7, 3, 0, 0) / 1000,
};
const before = new Date(Date.UTC(2026, 11, 7, 2, 59, 59));

describe('acknowledge tokens', () => {
  it('verifies a token it signed and returns its claims', () => {
    expect(verifyAckToken(signAckToken(claims, key), key, before)).toEqual({ ok: true, claims });
  });

  it('refuses a token at and after its expiry', () => {
    expect(verifyAckToken(signAckToken(claims, key), key, new Date(claims.expiresAt * 1000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another key, or with its claims changed', () => {
    const token = signAckToken(claims, key);
    expect(verifyAckToken(token, ackTokenKey('y'.repeat(48)), before)).toEqual({ ok: false, reason: 'bad_signature' });
    const [version, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify([claims.tokenId, claims.incidentId, claims.userId, claims.expiresAt + 86_400])).toString('base64url');
    expect(verifyAckToken(`${version}.${forged}.${signature}`, key, before)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses malformed tokens without throwing', () => {
    for (const token of ['', 'a1', 'a1..', 'b1.x.y', 'a1.bm90IGpzb24.AAAA']) {
      expect(verifyAckToken(token, key, before).ok).toBe(false);
    }
  });

  it('derives a key of its own from the process secret, not the secret itself', () => {
    expect(ackTokenKey('x'.repeat(48)).equals(Buffer.from('x'.repeat(48)))).toBe(false);
    expect(ackTokenKey('x'.repeat(48)).equals(key)).toBe(true);
  });
});
