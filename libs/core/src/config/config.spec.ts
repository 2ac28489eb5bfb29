import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('should read REDIS_CLUSTER_NODES as host:port seeds, empty for none', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis-a:7001, 10.0.0.2:7002,' }).REDIS_CLUSTER_NODES).toEqual([
      'redis-a:7001',
      '10.0.0.2:7002',
    ]);
    expect(loadConfig({ REDIS_CLUSTER_NODES: '' }).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(
      /REDIS_CLUSTER_NODES: REDIS_CLUSTER_NODES must be host:port pairs/,
    );
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

  describe('FCM', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const secret = '-----BEGIN PRIVATE KEY-----\nMIIEsecretsecretsecret\n-----END PRIVATE KEY-----\n';
    const keyFile = (name: string, fields: Record<string, string>) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(fields));
      return file;
    };
    const key = {
      type: 'service_account',
      client_email: 'push@touchpoint.iam.gserviceaccount.com',
      private_key: secret,
    };

    it('should take a service-account key, its project from the key or FCM_PROJECT_ID', () => {
      const withProject = keyFile('with-project.json', { ...key, project_id: 'from-key' });
      const withoutProject = keyFile('without-project.json', key);
      expect(loadConfig({ FCM_SERVICE_ACCOUNT_FILE: withProject }).FCM_SERVICE_ACCOUNT_FILE).toBe(
        withProject,
      );
      expect(
        loadConfig({ FCM_SERVICE_ACCOUNT_FILE: withoutProject, FCM_PROJECT_ID: 'p' }).FCM_PROJECT_ID,
      ).toBe('p');
      expect(() => loadConfig({ FCM_SERVICE_ACCOUNT_FILE: withoutProject })).toThrow(
        /FCM_SERVICE_ACCOUNT_FILE: the key has no project_id: set FCM_PROJECT_ID/,
      );
    });

    it('should refuse at start a key file that is missing or not a service-account key, never quoting it', () => {
      const missing = path.join(dir, 'missing.json');
      expect(() => loadConfig({ FCM_SERVICE_ACCOUNT_FILE: missing })).toThrow(
        /FCM_SERVICE_ACCOUNT_FILE: cannot read .*missing\.json \(ENOENT\)/,
      );
      const userKey = keyFile('user.json', { ...key, type: 'authorized_user' });
      const attempt = () => loadConfig({ FCM_SERVICE_ACCOUNT_FILE: userKey });
      expect(attempt).toThrow(/FCM_SERVICE_ACCOUNT_FILE: .*user\.json is not a service-account key/);
      expect(attempt).not.toThrow(/secretsecret/);
    });

    it('should want a project with a static token, and a key or token with a project', () => {
      expect(() => loadConfig({ FCM_ACCESS_TOKEN: 'ya29.x' })).toThrow(
        /FCM_PROJECT_ID: FCM_ACCESS_TOKEN needs FCM_PROJECT_ID/,
      );
      expect(() => loadConfig({ FCM_PROJECT_ID: 'p' })).toThrow(
        /FCM_SERVICE_ACCOUNT_FILE: FCM_PROJECT_ID needs FCM_SERVICE_ACCOUNT_FILE/,
      );
      expect(loadConfig({ FCM_PROJECT_ID: 'p', FCM_ACCESS_TOKEN: 'ya29.x' }).FCM_ACCESS_TOKEN).toBe('ya29.x');
    });
  });
});
