/** A text field left empty is sent as null ("no value"), the way the contracts spell it. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
