import type { components } from './client';

/** A message channel as the API names it (the channel registry's enum in the generated types). */
export type ChannelName = components['schemas']['ChannelSettings']['channels'][number]['channel'];

/**
 * Every message channel the console labels, in the order it shows them. Typed from the API's enum both
 * ways: a name the API does not know fails here, and so does a channel the API adds that is missing.
 */
export const MESSAGE_CHANNELS = [
  'sms',
  'email',
  'push',
  'whatsapp',
] as const satisfies readonly ChannelName[];

type Unlisted = Exclude<ChannelName, (typeof MESSAGE_CHANNELS)[number]>;
/** Fails to compile, naming the channel, when the API has one the list above lacks. */
export const everyChannelListed: [Unlisted] extends [never] ? true : Unlisted = true;
