import type { UserDto } from '@netduty/contracts';
import { endsSessions, toCreateUserRequest, toUpdateUserRequest, userToFormValues, type UserFormValues } from './user-form';

const CLUSTER = '0b9c6d6e-9f43-4a8e-9d7e-3f1c2b4a5d6e';
const RESPONDER = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function staff(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    username: 'viettel.lsn',
    displayName: 'Cụm kỹ thuật Viettel Lạng Sơn',
    phone: null,
    email: null,
    language: 'vi',
    role: 'cluster_staff',
    operatorCode: 'viettel',
    clusterId: CLUSTER,
    responderId: null,
    active: true,
    mustChangePassword: false,
    createdAt: '2026-11-01T00:00:00Z',
    lastLoginAt: null,
    permissions: [],
    ...overrides,
  };
}

describe('toCreateUserRequest', () => {
  const base: UserFormValues = {
    username: '  Vnpt.CaoLoc ',
    displayName: ' Cụm Cao Lộc ',
    role: 'cluster_staff',
    operatorCode: 'vnpt',
    clusterId: CLUSTER,
    responderId: RESPONDER,
    phone: ' ',
    email: 'caoloc@vnpt.vn',
    language: 'vi',
    active: true,
    password: 'Lang-Son-2026-ok',
  };

  it('sends the fields of the role and leaves out the empty ones', () => {
    expect(toCreateUserRequest(base)).toEqual({
      username: 'vnpt.caoloc',
      displayName: 'Cụm Cao Lộc',
      password: 'Lang-Son-2026-ok',
      role: 'cluster_staff',
      language: 'vi',
      email: 'caoloc@vnpt.vn',
      operatorCode: 'vnpt',
      clusterId: CLUSTER,
    });
  });

  it('sends the responder record for a responder, and no operator', () => {
    const request = toCreateUserRequest({ ...base, role: 'responder' });
    expect(request.responderId).toBe(RESPONDER);
    expect(request).not.toHaveProperty('operatorCode');
    expect(request).not.toHaveProperty('clusterId');
  });

  it('sends no scope at all for roles that see everything', () => {
    const request = toCreateUserRequest({ ...base, role: 'leadership' });
    expect(request).not.toHaveProperty('operatorCode');
    expect(request).not.toHaveProperty('responderId');
  });
});

describe('toUpdateUserRequest', () => {
  it('sends nothing when nothing changed', () => {
    const user = staff();
    expect(toUpdateUserRequest(userToFormValues(user), user)).toEqual({});
  });

  it('sends only the changed fields, with null to clear', () => {
    const user = staff({ phone: '0205 3870 000' });
    const change = toUpdateUserRequest({ ...userToFormValues(user), displayName: 'Cụm Viettel', phone: '', clusterId: undefined }, user);
    expect(change).toEqual({ displayName: 'Cụm Viettel', phone: null, clusterId: null });
    expect(endsSessions(change)).toBe(true);
  });

  it('clears the scope that no longer applies when the role changes', () => {
    const user = staff();
    const change = toUpdateUserRequest({ ...userToFormValues(user), role: 'duty_officer' }, user);
    expect(change).toEqual({ role: 'duty_officer', operatorCode: null, clusterId: null });
    expect(endsSessions(change)).toBe(true);
  });

  it('knows which changes end the sessions', () => {
    const user = staff();
    expect(endsSessions(toUpdateUserRequest({ ...userToFormValues(user), email: 'a@b.vn' }, user))).toBe(false);
    expect(endsSessions(toUpdateUserRequest({ ...userToFormValues(user), active: false }, user))).toBe(true);
    expect(endsSessions({ active: true })).toBe(false);
  });
});
