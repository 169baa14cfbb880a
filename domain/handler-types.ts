import type { ChannelName, ParsedRequestOf, ResponseOf } from '../ipc/contract';

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => ResponseOf<C>;
export type HandlerMap<C extends ChannelName> = { [K in C]: Handler<K> };
