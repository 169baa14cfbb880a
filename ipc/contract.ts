// The one IPC contract: every channel with the zod schemas of its request and response.
// Main (handler registry), preload (named functions) and renderer (API client) all import it,
// so a renamed channel or changed shape breaks the build rather than the user.
import type { z } from 'zod';
import { appChannels } from './app-schemas';
import { templatesChannels } from './templates-schemas';
import { roundsChannels } from './rounds-schemas';
import { areasChannels } from './areas-schemas';
import { observationsChannels } from './observations-schemas';
import { taggingChannels } from './tagging-schemas';
import { searchChannels } from './search-schemas';
import { insightsChannels } from './insights-schemas';
import { storiesChannels } from './stories-schemas';
import { clearanceChannels } from './clearance-schemas';
import { settingsChannels } from './settings-schemas';
import { actionsChannels } from './actions-schemas';
import { signingChannels } from './signing-schemas';
import { signOffChannels } from './sign-off-schemas';
import { exportsChannels } from './exports-schemas';
import { auditChannels } from './audit-schemas';
import { bundlesChannels } from './bundles-schemas';
import { backupsChannels } from './backups-schemas';
import { recoveryChannels } from './recovery-schemas';

export * from './vocabulary';
// The shapes services and screens pass around, each defined with its feature's schemas.
export type { TemplateDto } from './templates-schemas';
export type { RoundSummaryDto, RoundDetailDto } from './rounds-schemas';
export type { RoundAreaDto } from './areas-schemas';
export type { ObservationDto } from './observations-schemas';
export type { ActionDetailDto, ActionSummaryDto } from './actions-schemas';
export type { StorySummaryDto, StoryDetailDto } from './stories-schemas';
export type { ClearanceReportDto } from './clearance-schemas';

// The channel map, assembled from each feature's schema file (ipc/<feature>-schemas.ts).
export const channels = {
  ...appChannels,
  ...templatesChannels,
  ...roundsChannels,
  ...areasChannels,
  ...observationsChannels,
  ...taggingChannels,
  ...searchChannels,
  ...insightsChannels,
  ...storiesChannels,
  ...clearanceChannels,
  ...settingsChannels,
  ...actionsChannels,
  ...signingChannels,
  ...signOffChannels,
  ...exportsChannels,
  ...auditChannels,
  ...bundlesChannels,
  ...backupsChannels,
  ...recoveryChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const channelNames = Object.keys(channels) as ChannelName[];

export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
