import { prettyFactory } from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { logTransport, PRETTY_LOG_OPTIONS } from './log-transport';

describe(logTransport.name, () => {
  const dev = { NODE_ENV: 'development', LOG_LEVEL: 'info' };

  it('should print through pino-pretty on a terminal outside production', () => {
    expect(logTransport(dev, { isTTY: true })).toEqual({
      target: 'pino-pretty',
      options: PRETTY_LOG_OPTIONS,
    });
  });

  it('should leave pino writing JSON when stdout is not a terminal, or in production', () => {
    expect(logTransport(dev, { isTTY: false })).toBeUndefined();
    expect(logTransport(dev, {})).toBeUndefined();
    expect(logTransport({ ...dev, NODE_ENV: 'production' }, { isTTY: true })).toBeUndefined();
  });

  it('should start no printer when nothing is logged', () => {
    expect(logTransport({ ...dev, LOG_LEVEL: 'silent' }, { isTTY: true })).toBeUndefined();
  });
});

describe('PRETTY_LOG_OPTIONS', () => {
  const sut = prettyFactory(PRETTY_LOG_OPTIONS);
  const ESC = String.fromCharCode(27);
  const plain = (line: string) =>
    line
      .split(ESC)
      .map((part) => part.replace(/^\[[0-9;]*m/, ''))
      .join('');

  it('should write a request as one coloured line: its id, method, path, status and time', () => {
    const line = sut({
      level: 30,
      time: Date.UTC(2026, 11, 2, 9, 30),
      pid: 1,
      hostname: 'h',
      req: { id: 'req-abc', method: 'GET', path: '/v1/journeys' },
      res: { status: 401 },
      responseTime: 4,
      msg: 'request completed',
    });
    expect(line).toContain(`${ESC}[3`);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(plain(line)).toMatch(/INFO: req-abc GET \/v1\/journeys → 401 in 4 ms request completed/);
    expect(plain(line)).not.toMatch(/hostname|pid/);
  });

  it("should prefix Nest's own lines with their context", () => {
    expect(plain(sut({ level: 30, time: 0, context: 'NestApplication', msg: 'started' }))).toMatch(
      /INFO: \[NestApplication\] started/,
    );
  });
});
