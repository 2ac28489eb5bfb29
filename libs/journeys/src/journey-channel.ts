import { CHANNEL_NAMES, type Channel } from './channels';

/** The channels a journey's send step may use: every channel of the registry. */
export const JOURNEY_CHANNELS = CHANNEL_NAMES;

export type JourneyChannel = Channel;
