import { describe, expect, it } from 'vitest';
import { readableDuration } from '../../../src/http/durations.js';

describe('readableDuration (the wait in a 429 message)', () => {
  it.each([
    [1, '1 second'],
    [40, '40 seconds'],
    [60, '1 minute'],
    [61, '1 minute 1 second'],
    [1740, '29 minutes'],
    [3580, '59 minutes 40 seconds'],
    [3600, '1 hour'],
    [3601, '1 hour 1 minute'],
    [7500, '2 hours 5 minutes'],
    [86380, '24 hours'],
  ])('when the wait is %i s, then it reads "%s"', (seconds, text) => {
    expect(readableDuration(seconds)).toBe(text);
  });
});
