import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('should take the defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', DATA_DIR: './.data' });
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(config.WORKER_HTTP_PORT).toBeUndefined();
  });

  it('should read WORKER_HTTP_PORT as a port, with 0 for a free one and empty for none', () => {
    expect(loadConfig({ WORKER_HTTP_PORT: '9464' }).WORKER_HTTP_PORT).toBe(9464);
    expect(loadConfig({ WORKER_HTTP_PORT: '0' }).WORKER_HTTP_PORT).toBe(0);
    expect(loadConfig({ WORKER_HTTP_PORT: '' }).WORKER_HTTP_PORT).toBeUndefined();
  });

  it('should refuse bad values with one line naming each variable', () => {
    const attempt = () => loadConfig({ WORKER_HTTP_PORT: 'http', REDIS_URL: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/\n {2}WORKER_HTTP_PORT: .*number/);
    expect(attempt).toThrow(/\n {2}REDIS_URL: REDIS_URL must be a URL/);
  });

  it('should name the missing half of a pair of credentials', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC123' })).toThrow(
      /TWILIO_AUTH_TOKEN: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together/,
    );
  });
});
