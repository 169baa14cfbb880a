// The clearance check's report as the renderer receives it: observations, stories and sign-off
// all show it, so its shape lives here rather than in one feature's folder.
import type { ResponseOf } from '../../../ipc/contract';

export type ClearanceReportDto = ResponseOf<'clearance:check'>;
export type ClearanceFindingDto = ClearanceReportDto['findings'][number];
