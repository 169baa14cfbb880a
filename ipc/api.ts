// The shape of `window.api` as the preload exposes it and as the browser host's client mimics
// it: one named function per channel, each resolving to a Result rather than throwing, so an
// error's kind survives the trip across the process boundary.
import type { ChannelName, RequestOf, ResponseOf } from './contract';
import type { Result } from './errors';

export type Api = { [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };
