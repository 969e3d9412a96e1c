/** A value that could not be read, with the reason a person would be told. */
export interface Invalid {
  readonly invalid: string;
}

export function invalid(reason: string): Invalid {
  return { invalid: reason };
}

export function isInvalid(value: unknown): value is Invalid {
  return typeof value === 'object' && value !== null && 'invalid' in value;
}
