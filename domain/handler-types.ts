import type { ChannelName, ParsedRequestOf, ResponseOf } from '../ipc/contract';

/** Most handlers answer at once; one that must wait on the network (the trust hub) answers later. */
export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> };
