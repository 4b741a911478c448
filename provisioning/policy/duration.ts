const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** Seconds from a policy duration: an integer of seconds or "<n><s|m|h|d>" (the schema has checked the form). */
export function seconds(value: number | string): number {
  if (typeof value === "number") return value;
  const unit = value.at(-1) as keyof typeof UNIT_SECONDS;
  return Number(value.slice(0, -1)) * UNIT_SECONDS[unit];
}
