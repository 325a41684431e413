import { describe, expect, it } from 'vitest';
import { ago, formatInstant, instantToLocal, localToInstant } from './time';

describe('times in the site time zone', () => {
  it('shows an instant on the site wall clock', () => {
    expect(formatInstant('2026-07-01T12:00:00Z', 'Europe/Paris')).toContain('14:00');
    expect(formatInstant('2026-01-15T12:00:00Z', 'Europe/Paris')).toContain('13:00');
    expect(formatInstant('2026-01-15T12:00:00Z', 'America/Chicago')).toContain('06:00');
  });

  it('reads a wall-clock time entered for a site as the right instant, across daylight saving', () => {
    expect(localToInstant('2026-07-01T14:00', 'Europe/Paris')).toBe('2026-07-01T12:00:00Z');
    expect(localToInstant('2026-01-15T14:00', 'Europe/Paris')).toBe('2026-01-15T13:00:00Z');
    expect(localToInstant('2026-03-29T12:00', 'Europe/Paris')).toBe('2026-03-29T10:00:00Z');
    expect(localToInstant('2026-03-01T08:30', 'UTC')).toBe('2026-03-01T08:30:00Z');
  });

  it('round-trips an instant through the input format', () => {
    const instant = new Date('2026-10-25T09:45:00Z');
    expect(localToInstant(instantToLocal(instant, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe('2026-10-25T09:45:00Z');
  });

  it('says how long something has been waiting', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(ago('2026-03-01T11:30:00Z', now)).toBe('30 min');
    expect(ago('2026-03-01T02:00:00Z', now)).toBe('10 h');
    expect(ago('2026-02-22T12:00:00Z', now)).toBe('7 d');
  });
});
