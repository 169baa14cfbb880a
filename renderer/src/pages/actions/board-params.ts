// The actions board's filters and page as URL parameters, so a filtered board survives Back and
// a reload, and a link can be shared on the same laptop.
import { ACTION_STATUSES, type ActionStatus, type RequestOf } from '../../../../ipc/contract';

export const BOARD_PAGE_SIZE = 20;

export type BoardFilters = {
  status: ActionStatus | '';
  areaId: string;
  owner: string;
  /** "frameworkId:tagId", or '' for any theme. */
  theme: string;
  overdue: boolean;
  /** Whose actions: 'everyone', 'mine' or a contributor's key id (see WhoseRounds). */
  whose: string;
  /** 1-based. */
  page: number;
};

export const NO_FILTERS: BoardFilters = {
  status: '',
  areaId: '',
  owner: '',
  theme: '',
  overdue: false,
  whose: 'everyone',
  page: 1,
};

const UUID = /^[0-9a-fA-F-]{1,64}$/;

function isStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}

export function parseBoardQuery(query: string): BoardFilters {
  const params = new URLSearchParams(query);
  const status = params.get('status') ?? '';
  const areaId = params.get('area') ?? '';
  const theme = params.get('theme') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    status: isStatus(status) ? status : '',
    areaId: UUID.test(areaId) ? areaId.toLowerCase() : '',
    owner: (params.get('owner') ?? '').trim().slice(0, 200),
    theme: /^[^:]{1,100}:[^:]{1,100}$/.test(theme) ? theme : '',
    overdue: params.get('overdue') === '1',
    whose: /^(mine|[0-9a-f]{64})$/.test(params.get('whose') ?? '') ? (params.get('whose') ?? '') : 'everyone',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** Only what differs from "everything", so the plain board is plain `#/actions`. */
export function boardQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== '') params.set('status', filters.status);
  if (filters.areaId !== '') params.set('area', filters.areaId);
  if (filters.owner.trim() !== '') params.set('owner', filters.owner.trim());
  if (filters.theme !== '') params.set('theme', filters.theme);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.whose !== 'everyone') params.set('whose', filters.whose);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params.toString();
}

/**
 * What the board says when it lists nothing: that no action matches, or, with no filter set,
 * that none has been raised yet and how to raise one.
 */
export function emptyBoardText(filters: BoardFilters): string {
  return boardQuery({ ...filters, page: 1 }) === ''
    ? 'No actions have been raised yet. To raise one, tick “Needs follow-up” on an observation in its round, or choose “New action”.'
    : 'No actions match these filters.';
}

export function toListRequest(filters: BoardFilters): RequestOf<'actions:list'> {
  const [frameworkId, tagId] = filters.theme.split(':');
  return {
    status: filters.status === '' ? null : filters.status,
    areaId: filters.areaId === '' ? null : filters.areaId,
    owner: filters.owner.trim() === '' ? null : filters.owner.trim(),
    tag: frameworkId !== undefined && tagId !== undefined ? { frameworkId, tagId } : null,
    overdue: filters.overdue,
    whose: filters.whose,
    sort: 'due_date',
    limit: BOARD_PAGE_SIZE,
    offset: (filters.page - 1) * BOARD_PAGE_SIZE,
  };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE));
}
