export const STAGES = [
  'awareness',
  'consideration',
  'decision',
  'purchase',
  'retention',
  'advocacy',
] as const;

export type Stage = (typeof STAGES)[number];
