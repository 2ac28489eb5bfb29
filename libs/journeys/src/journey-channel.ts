export const JOURNEY_CHANNELS = ['sms', 'email', 'push'] as const;

export type JourneyChannel = (typeof JOURNEY_CHANNELS)[number];
