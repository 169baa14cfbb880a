// The story shapes as the renderer receives them from the contract.
import type { z } from 'zod';
import type { ResponseOf } from '../../../../ipc/contract';
import type { StoryExport, StoryQuote } from '../../../../ipc/stories-schemas';

export type StorySummaryDto = ResponseOf<'stories:list'>[number];
export type StoryDetailDto = ResponseOf<'stories:get'>;
export type StoryQuoteDto = z.output<typeof StoryQuote>;
export type StoryExportDto = z.output<typeof StoryExport>;
