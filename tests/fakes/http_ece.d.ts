// http_ece (a web-push dependency) ships no types; this is the slice the push fake uses.
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';

  export interface EceParams {
    version?: 'aes128gcm' | 'aesgcm' | 'aesgcm128';
    key?: Buffer | string;
    salt?: Buffer | string;
    rs?: number;
    keyid?: Buffer | string;
    dh?: Buffer | string;
    privateKey?: ECDH;
    authSecret?: Buffer | string;
  }

  export function decrypt(buffer: Buffer, params: EceParams): Buffer;
  export function encrypt(buffer: Buffer, params: EceParams): Buffer;
}
