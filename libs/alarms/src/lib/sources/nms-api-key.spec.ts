import { looksLikeNmsApiKey, newNmsApiKey, nmsApiKeyHash } from './nms-api-key';

describe('NMS API keys', () => {
  it('are nd_ and 32 random bytes, kept as their SHA-256 hex with a 10-character hint', () => {
    const issued = newNmsApiKey();
    expect(issued.key).toMatch(/^nd_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(issued.key.slice(3), 'base64url')).toHaveLength(32);
    expect(issued.keyHash).toBe(nmsApiKeyHash(issued.key));
    expect(issued.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.keyHint).toBe(issued.key.slice(0, 10));
    expect(newNmsApiKey().key).not.toBe(issued.key);
  });

  it('refuses anything that cannot be a key before looking it up', () => {
    expect(looksLikeNmsApiKey(newNmsApiKey().key)).toBe(true);
    for (const value of ['', 'nd_short', `xx_${'a'.repeat(43)}`, `nd_${'a'.repeat(44)}`, `nd_${'a'.repeat(42)}=`]) expect(looksLikeNmsApiKey(value)).toBe(false);
  });
});
