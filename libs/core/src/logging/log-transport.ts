import type { TransportSingleOptions } from 'pino';

/**
 * pino-pretty's options for a person at a terminal: one coloured line per entry, the time of day, the
 * request id and what the request did (method, path without its query, status, time), never the objects
 * the serializers already trimmed of personal data.
 */
export const PRETTY_LOG_OPTIONS = {
  colorize: true,
  translateTime: 'SYS:HH:MM:ss.l',
  singleLine: true,
  ignore: 'pid,hostname,context,req,res,responseTime',
  messageFormat:
    '{if context}[{context}] {end}{if req.id}{req.id} {req.method} {req.path} {end}{if res.status}→ {res.status} in {responseTime} ms {end}{msg}',
};

/**
 * Where logs go: coloured lines through pino-pretty when a person watches a terminal (stdout is a TTY) and
 * this is not production; otherwise pino's own JSON on stdout, one object a line, for machines to read.
 * Silent (the tests) needs no printer thread at all.
 */
export function logTransport(
  config: { NODE_ENV: string; LOG_LEVEL: string },
  stdout: { isTTY?: boolean } = process.stdout,
): TransportSingleOptions | undefined {
  if (config.NODE_ENV === 'production' || config.LOG_LEVEL === 'silent' || !stdout.isTTY) return undefined;
  return { target: 'pino-pretty', options: PRETTY_LOG_OPTIONS };
}
