import { Injectable } from '@nestjs/common';
import { hash, verify, argon2id } from 'argon2';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): ~20 ms per check on this
 * hardware, expensive enough for an offline attacker, cheap enough not to stall the api.
 */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Compared against when the username does not exist, so both paths take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$Bkwpxuo65C4EzDi2rRt8pA$gfPBr/LFMFaP4v2D0tLOYcMC2O6t2Vz5dqxkfOH8240';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      const matches = await verify(passwordHash ?? DUMMY_HASH, password);
      return passwordHash !== null && matches;
    } catch {
      return false;
    }
  }
}
