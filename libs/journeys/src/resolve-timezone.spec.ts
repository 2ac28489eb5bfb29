import { describe, expect, it } from 'vitest';
import { resolveTimezone } from './resolve-timezone';

describe(resolveTimezone.name, () => {
  it('should keep a valid IANA timezone', () => {
    expect(resolveTimezone('Asia/Tehran')).toBe('Asia/Tehran');
    expect(resolveTimezone('America/New_York')).toBe('America/New_York');
  });

  it('should fall back to UTC for a missing or invalid timezone', () => {
    expect(resolveTimezone(null)).toBe('UTC');
    expect(resolveTimezone(undefined)).toBe('UTC');
    expect(resolveTimezone('')).toBe('UTC');
    expect(resolveTimezone('Mars/Olympus')).toBe('UTC');
  });
});
