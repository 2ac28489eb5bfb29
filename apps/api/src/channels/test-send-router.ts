import { ChannelRouter } from '@touchpoint/channels';
import { channelRouterProviderFor } from '@touchpoint/worker';

/**
 * The API's own adapters, built from the same credentials as the worker's: "send me a test" goes through
 * them, and the settings page asks them about their credentials. The sandbox keeps what it "sent" as a
 * test send (`test_send_id`), never as a touchpoint.
 */
export class TestSendRouter extends ChannelRouter {}

export const testSendRouterProvider = channelRouterProviderFor(TestSendRouter, (sandbox) => ({
  record: (entry) => sandbox.record({ ...entry, touchpointId: null, testSendId: entry.touchpointId }),
}));
