import type { Provider } from '@nestjs/common';
import { ChannelRouter } from '@touchpoint/channels';
import { CONFIG, Clock, SandboxMessageRepository, UnsubscribeLinks, type Config } from '@touchpoint/core';
import { buildChannelAdapters } from '../../../worker/src/channel-adapters.provider';

/**
 * The API's own adapters, built from the same credentials as the worker's: "send me a test" goes through
 * them, and the settings page asks them about their credentials. The sandbox keeps what it "sent" as a
 * test send (`test_send_id`), never as a touchpoint.
 */
export class TestSendRouter extends ChannelRouter {}

export const testSendRouterProvider: Provider = {
  provide: TestSendRouter,
  inject: [CONFIG, Clock, SandboxMessageRepository, UnsubscribeLinks],
  useFactory: (
    config: Config,
    clock: Clock,
    sandbox: SandboxMessageRepository,
    unsubscribe: UnsubscribeLinks,
  ) =>
    new TestSendRouter(
      buildChannelAdapters(
        config,
        clock,
        {
          record: (entry) => sandbox.record({ ...entry, touchpointId: null, testSendId: entry.touchpointId }),
        },
        unsubscribe,
      ),
    ),
};
