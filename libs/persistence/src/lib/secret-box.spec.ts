import { randomBytes } from 'node:crypto';
import { openSecret, SEALED_TEXT, SEALED_VALUES, sealSecret, useSecretKey } from './secret-box';

describe('secret box', () => {
  beforeAll(() => useSecretKey(randomBytes(32)));

  it('seals a secret so that it reads back as given and never shows in the stored text', () => {
    const sealed = sealSecret('mật-khẩu SMTP 123');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('123');
    expect(sealSecret('mật-khẩu SMTP 123')).not.toBe(sealed);
    expect(openSecret(sealed)).toBe('mật-khẩu SMTP 123');
  });

  it('refuses a sealed value that was altered, and passes a value stored before sealing as it is', () => {
    const sealed = sealSecret('key');
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => openSecret(altered)).toThrow();
    expect(openSecret('plain-legacy-value')).toBe('plain-legacy-value');
  });

  it("seals a header map's values and keeps its names", () => {
    const stored = SEALED_VALUES.to({ authorization: 'Bearer abc' }) as Record<string, string>;
    expect(Object.keys(stored)).toEqual(['authorization']);
    expect(stored['authorization']).toMatch(/^enc:v1:/);
    expect(SEALED_VALUES.from(stored)).toEqual({ authorization: 'Bearer abc' });
  });

  it('reads a secret sealed under another key as absent, so the gateway stays editable', () => {
    const sealedBefore = sealSecret('old key secret');
    const header = SEALED_VALUES.to({ authorization: 'Bearer old', 'x-team': 'noc' }) as Record<string, string>;
    useSecretKey(randomBytes(32));
    expect(SEALED_TEXT.from(sealedBefore)).toBeNull();
    expect(SEALED_VALUES.from({ ...header, plain: 'legacy' })).toEqual({ plain: 'legacy' });
    expect(() => openSecret(sealedBefore)).toThrow();
  });
});
