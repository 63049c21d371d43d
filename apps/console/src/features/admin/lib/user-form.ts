import type { CreateUserRequest, Language, OperatorCode, Role, UpdateUserRequest, UserDto } from '@netduty/contracts';
import { ROLE_SCOPE_FIELDS } from '@netduty/domain';

/** Which scope fields each role takes: the api's own rule (the api refuses the others). */
export const ROLE_SCOPE = ROLE_SCOPE_FIELDS;

export interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  operatorCode?: OperatorCode | null;
  clusterId?: string | null;
  responderId?: string | null;
  phone?: string | null;
  email?: string | null;
  language: Language;
  active: boolean;
  /** Create only. */
  password?: string;
}

/** Empty text and unset selects both mean "none". */
function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The scope fields that apply to the chosen role; the others are cleared. */
export function scopeFor(values: Pick<UserFormValues, 'role' | 'operatorCode' | 'clusterId' | 'responderId'>) {
  const scope = ROLE_SCOPE[values.role];
  return {
    operatorCode: scope.operator ? (values.operatorCode ?? null) : null,
    clusterId: scope.operator ? blankToNull(values.clusterId) : null,
    responderId: scope.responder ? blankToNull(values.responderId) : null,
  };
}

export function toCreateUserRequest(values: UserFormValues): CreateUserRequest {
  const scope = scopeFor(values);
  const request: CreateUserRequest = {
    username: values.username.trim().toLowerCase(),
    displayName: values.displayName.trim(),
    password: values.password ?? '',
    role: values.role,
    language: values.language,
  };
  const phone = blankToNull(values.phone);
  const email = blankToNull(values.email);
  if (phone) request.phone = phone;
  if (email) request.email = email;
  if (scope.operatorCode) request.operatorCode = scope.operatorCode;
  if (scope.clusterId) request.clusterId = scope.clusterId;
  if (scope.responderId) request.responderId = scope.responderId;
  return request;
}

/**
 * Only what changed (null clears). Sending unchanged scope fields would be harmless, but a minimal
 * PATCH reads better in the audit trail; any scope change ends the user's sessions on the server.
 */
export function toUpdateUserRequest(values: UserFormValues, original: UserDto): UpdateUserRequest {
  const change: UpdateUserRequest = {};
  const displayName = values.displayName.trim();
  if (displayName !== original.displayName) change.displayName = displayName;
  const phone = blankToNull(values.phone);
  if (phone !== original.phone) change.phone = phone;
  const email = blankToNull(values.email);
  if (email !== original.email) change.email = email;
  if (values.language !== original.language) change.language = values.language;
  if (values.role !== original.role) change.role = values.role;
  const scope = scopeFor(values);
  if (scope.operatorCode !== original.operatorCode) change.operatorCode = scope.operatorCode;
  if (scope.clusterId !== original.clusterId) change.clusterId = scope.clusterId;
  if (scope.responderId !== original.responderId) change.responderId = scope.responderId;
  if (values.active !== original.active) change.active = values.active;
  return change;
}

/** Whether saving would end the user's sessions (the api logs them out on a role or scope change, or a disable). */
export function endsSessions(change: UpdateUserRequest): boolean {
  return (
    change.role !== undefined ||
    change.operatorCode !== undefined ||
    change.clusterId !== undefined ||
    change.responderId !== undefined ||
    change.active === false
  );
}

export function userToFormValues(user: UserDto): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    operatorCode: user.operatorCode,
    clusterId: user.clusterId,
    responderId: user.responderId,
    phone: user.phone,
    email: user.email,
    language: user.language,
    active: user.active,
  };
}

export const NEW_USER_VALUES: Partial<UserFormValues> = { role: 'duty_officer', language: 'vi', active: true };
