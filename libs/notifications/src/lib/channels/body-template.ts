/** The values an HTTP gateway's body template may use, as `{{name}}`. */
export const BODY_TEMPLATE_PLACEHOLDERS = ['address', 'text', 'deliveryId', 'ackCode', 'ackUrl', 'incidentReference'] as const;
export type BodyTemplatePlaceholder = (typeof BODY_TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholders of `template` that are not known; an empty list means the template is usable. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(BODY_TEMPLATE_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').filter((name) => !known.has(name));
}

/**
 * Fills the template, each value JSON-escaped without its quotes: the template writes
 * `"to": "{{address}}"`, and a quote, backslash or newline in the value cannot break out of the string.
 */
export function renderBodyTemplate(template: string, values: Record<BodyTemplatePlaceholder, string>): string {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) throw new Error(`unknown placeholder(s) in the body template: ${unknown.join(', ')}`);
  return template.replace(PLACEHOLDER, (_whole, name: string) => JSON.stringify(values[name as BodyTemplatePlaceholder]).slice(1, -1));
}
