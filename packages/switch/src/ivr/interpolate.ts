/**
 * `${variable}` templates: prompt texts, URLs, values of `set` nodes. An unknown variable reads as
 * an empty string (a caller who skipped a step hears a gap, not "undefined").
 */

const PLACEHOLDER = /\$\{([^{}]*)\}/g;

/**
 * Turns each substituted value into what goes into the result (URI-encoding, Chinese number
 * words …); `offset` is where the placeholder starts in the template.
 */
export type ValueEncoder = (value: string, offset: number) => string;

/** Replaces every `${name}` in `template` by the variable's value. */
export function interpolate(template: string, variables: Readonly<Record<string, string>>, encode?: ValueEncoder): string {
  return template.replace(PLACEHOLDER, (_match, rawName: string, offset: number) => {
    const name = rawName.trim();
    const value = Object.hasOwn(variables, name) ? (variables[name] ?? '') : '';
    return encode === undefined ? value : encode(value, offset);
  });
}

