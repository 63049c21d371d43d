const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from outside (a token's claims, a request's list) are checked before they reach a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
