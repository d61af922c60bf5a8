const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;

/**
 * A wait in seconds as a person reads it: `40 seconds`, `29 minutes`, `59 minutes 40 seconds`,
 * `2 hours 5 minutes`. From an hour up it is rounded up to the minute, so it never promises too early.
 */
export function readableDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return [unit(Math.floor(s / 60), 'minute'), s % 60 ? unit(s % 60, 'second') : ''].filter(Boolean).join(' ');
  const minutes = Math.ceil(s / 60);
  return [unit(Math.floor(minutes / 60), 'hour'), minutes % 60 ? unit(minutes % 60, 'minute') : ''].filter(Boolean).join(' ');
}
