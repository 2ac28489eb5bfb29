const encoder = new TextEncoder();

/** FNV-1a over the UTF-8 bytes, then murmur3's finalizer so that similar ids spread over all 32 bits. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A stable number in [0, 1) for a text. */
export function stableFraction(text: string): number {
  return stableHash(text) / 0x1_0000_0000;
}
