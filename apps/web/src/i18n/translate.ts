/** Values put into a message's `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;

/** Looks a message up and fills its `{name}` placeholders; an unknown placeholder stays as written. */
export function translate<K extends string>(
  messages: Readonly<Record<K, string>>,
  key: K,
  vars?: MessageVars,
): string {
  const text = messages[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
