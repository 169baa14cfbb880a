import type { ActionDetailDto, ObservationDto, ParsedRequestOf } from '../../ipc/contract';
import { validationError } from '../../ipc/errors';
import { assertRoundOpen, requireRound } from '../rounds/rounds-service';
import { createObservation } from '../observations/observations-service';
import { getObservationDto } from '../observations/observation-dto';
import type { Store } from '../store';
import type { Taggable } from '../tagging/tagging-service';
import { calendarDateIn, startOfDayIn } from '../time/trust-time';
import { checkTransition } from './action-rules';
import { getActionDetail, requireAction, sourceText, type Source } from './action-queries';

const REVISIT_WORDS = {
  still_an_issue: 'still an issue',
  improved: 'improved',
  resolved: 'resolved',
} as const;

/** What an action can be raised from: something that still exists, and never a withdrawn story. */
function usableSource(store: Store, source: Source, field: string): { text: string; at: string } {
  const text = sourceText(store, source);
  if (!text) {
    throw validationError(
      field,
      source.kind === 'observation' ? 'This observation no longer exists' : 'This story no longer exists',
    );
  }
  if (source.kind === 'story' && store.stories.get(source.id)?.status === 'withdrawn') {
    throw validationError(field, 'Consent for this story was withdrawn, so it cannot be used');
  }
  return text;
}

/** A due date is a day on the trust's calendar, and cannot be before the day the action was raised. */
function assertDueDate(dueDate: string | null, raisedAt: Date): void {
  if (dueDate !== null && dueDate < calendarDateIn(raisedAt)) {
    throw validationError('dueDate', 'The due date cannot be before the day the action was raised');
  }
}

export function createAction(store: Store, request: ParsedRequestOf<'actions:create'>): ActionDetailDto {
  return store.transaction(() => {
    const now = store.now();
    assertDueDate(request.dueDate, now);
    const area = request.areaId ? store.areas.get(request.areaId) : null;
    if (request.areaId && !area) throw validationError('areaId', 'Choose an area PX Rounds knows');
    const found = request.sources.map((source, i) => ({
      source,
      ...usableSource(store, source, `sources.${i}.id`),
    }));
    const said = request.said || found.map((f) => f.text).join('\n\n');
    if (said.trim().length === 0)
      throw validationError('said', 'Say what was said, or raise the action from an observation');
    const id = store.newId();
    const iso = now.toISOString();
    const saidAt = found.map((f) => f.at).sort()[0] ?? iso;
    store.actions.insert({
      id,
      said,
      willDo: request.willDo,
      ownerName: request.ownerName,
      ownerRole: request.ownerRole,
      site: area?.site ?? request.site,
      areaId: area?.id ?? null,
      dueDate: request.dueDate,
      status: 'open',
      evidence: '',
      saidAt,
      doneAt: null,
      fedBackAt: null,
      feedbackChannel: null,
      feedbackNote: '',
      createdAt: iso,
      updatedAt: iso,
    });
    // Themes and equality groups carry over from what the action answers; they can be edited.
    const carried = new Map<string, ReturnType<typeof store.tags.forItem>[number]>();
    for (const { source } of found) {
      store.actions.addLink({
        actionId: id,
        itemKind: source.kind,
        itemId: source.id,
        role: 'source',
        outcome: null,
        createdAt: iso,
      });
      for (const tag of store.tags.forItem(source.kind, source.id))
        carried.set(`${tag.frameworkId}/${tag.tagId}`, tag);
    }
    store.tags.replace(
      'action',
      id,
      [...carried.values()].map(({ itemId: _itemId, ...tag }) => tag),
      iso,
    );
    store.actions.addEvent({
      actionId: id,
      at: iso,
      actor: store.actor,
      fromStatus: null,
      toStatus: 'open',
      reason: '',
    });
    store.audit.append({
      action: 'create',
      entity: 'action',
      entityId: id,
      detail: {
        willDo: request.willDo,
        ownerName: request.ownerName,
        areaId: area?.id ?? null,
        dueDate: request.dueDate,
        sources: request.sources,
      },
    });
    return getActionDetail(store, id);
  });
}

/** One step from an observation or story flagged for follow-up: what was said comes with it. */
export function createActionFrom(
  store: Store,
  request: ParsedRequestOf<'actions:create-from'>,
): ActionDetailDto {
  const areaId = request.kind === 'observation' ? (store.observations.get(request.id)?.areaId ?? null) : null;
  return createAction(store, {
    said: '',
    willDo: '',
    ownerName: '',
    ownerRole: '',
    areaId,
    site: null,
    dueDate: null,
    sources: [{ kind: request.kind, id: request.id }],
  });
}

/**
 * Another observation or story that says the same thing, added to an open action rather than
 * raising a second one: its words are shown with the others, and its tags join the action's.
 */
export function addActionSource(
  store: Store,
  request: ParsedRequestOf<'actions:add-source'>,
): ActionDetailDto {
  return store.transaction(() => {
    const action = requireAction(store, request.id);
    if (action.status !== 'open' && action.status !== 'in_progress') {
      throw validationError('id', 'This action is done; raise a new action instead');
    }
    const { source } = request;
    const found = usableSource(store, source, 'source.id');
    if (store.actions.links(action.id).some((l) => l.itemKind === source.kind && l.itemId === source.id)) {
      throw validationError(
        'source.id',
        source.kind === 'observation'
          ? 'This observation is already linked to the action'
          : 'This story is already linked to the action',
      );
    }
    const iso = store.now().toISOString();
    store.actions.addLink({
      actionId: action.id,
      itemKind: source.kind,
      itemId: source.id,
      role: 'source',
      outcome: null,
      createdAt: iso,
    });
    // The action's own tags stay as they are (they may have been edited); new ones are added.
    const tags = new Map(
      store.tags.forItem('action', action.id).map((t) => [`${t.frameworkId}/${t.tagId}`, t]),
    );
    for (const tag of store.tags.forItem(source.kind, source.id)) {
      const key = `${tag.frameworkId}/${tag.tagId}`;
      if (!tags.has(key)) tags.set(key, tag);
    }
    store.tags.replace(
      'action',
      action.id,
      [...tags.values()].map(({ itemId: _itemId, ...tag }) => tag),
      iso,
    );
    // "Said" dates from the first time anyone said it.
    store.actions.update(action.id, {
      saidAt: found.at < action.saidAt ? found.at : action.saidAt,
      updatedAt: iso,
    });
    store.audit.append({
      action: 'update',
      entity: 'action_source',
      entityId: action.id,
      detail: { kind: source.kind, itemId: source.id },
    });
    return getActionDetail(store, action.id);
  });
}

export function updateAction(store: Store, request: ParsedRequestOf<'actions:update'>): ActionDetailDto {
  return store.transaction(() => {
    const action = requireAction(store, request.id);
    const changes = request.changes;
    if (changes.dueDate !== undefined) assertDueDate(changes.dueDate, new Date(action.createdAt));
    let site = action.site;
    if (changes.areaId) {
      const area = store.areas.get(changes.areaId);
      if (!area) throw validationError('changes.areaId', 'Choose an area PX Rounds knows');
      site = area.site;
    }
    if (action.status !== 'open' && changes.willDo !== undefined && changes.willDo.trim() === '') {
      throw validationError('changes.willDo', 'Say what we will do');
    }
    if (action.status !== 'open' && changes.ownerName !== undefined && changes.ownerName.trim() === '') {
      throw validationError('changes.ownerName', 'An action in progress needs an owner');
    }
    store.actions.update(action.id, { ...changes, site, updatedAt: store.now().toISOString() });
    store.audit.append({ action: 'update', entity: 'action', entityId: action.id, detail: { ...changes } });
    return getActionDetail(store, action.id);
  });
}

export function setActionStatus(
  store: Store,
  request: ParsedRequestOf<'actions:set-status'>,
): ActionDetailDto {
  return store.transaction(() => {
    const action = requireAction(store, request.id);
    const now = store.now();
    const feedbackAt = request.feedback ? startOfDayIn(request.feedback.on).toISOString() : null;
    const problem = checkTransition({
      from: action.status,
      to: request.status,
      owner: action.ownerName,
      reason: request.reason,
      feedback: request.feedback && feedbackAt ? { channel: request.feedback.channel, at: feedbackAt } : null,
    });
    if (problem)
      throw validationError(problem.field === 'owner' ? 'ownerName' : problem.field, problem.message);
    if (request.status !== 'open' && action.willDo.trim() === '') {
      throw validationError('willDo', 'Say what we will do before moving the action on');
    }
    if (request.feedback) {
      if (request.feedback.on > calendarDateIn(now))
        throw validationError('feedback.on', 'The date people were told cannot be in the future');
      if (request.feedback.on < calendarDateIn(new Date(action.createdAt))) {
        throw validationError(
          'feedback.on',
          'The date people were told cannot be before the action was raised',
        );
      }
    }
    const iso = now.toISOString();
    const reopened = request.status === 'open' || request.status === 'in_progress';
    store.actions.update(action.id, {
      status: request.status,
      updatedAt: iso,
      doneAt: request.status === 'done' ? iso : reopened ? null : action.doneAt,
      fedBackAt:
        request.status === 'fed_back'
          ? feedbackAt
          : reopened || request.status === 'done'
            ? null
            : action.fedBackAt,
      feedbackChannel:
        request.status === 'fed_back'
          ? request.feedback!.channel
          : reopened || request.status === 'done'
            ? null
            : action.feedbackChannel,
      feedbackNote: request.status === 'fed_back' ? request.feedback!.note : action.feedbackNote,
    });
    store.actions.addEvent({
      actionId: action.id,
      at: iso,
      actor: store.actor,
      fromStatus: action.status,
      toStatus: request.status,
      reason: request.reason,
    });
    store.audit.append({
      action: 'update',
      entity: 'action_status',
      entityId: action.id,
      detail: { from: action.status, to: request.status, reason: request.reason, feedback: request.feedback },
    });
    return getActionDetail(store, action.id);
  });
}

/** How tagging reaches an action; an action keeps no equality status of its own. */
export const actionTaggable: Taggable<ActionDetailDto> = {
  checkCanTag: (store, id) => void requireAction(store, id),
  setEqualityStatus: null,
  read: getActionDetail,
};

export function recordRevisit(
  store: Store,
  request: ParsedRequestOf<'actions:record-revisit'>,
): { action: ActionDetailDto; observation: ObservationDto } {
  return store.transaction(() => {
    const action = requireAction(store, request.actionId);
    const round = requireRound(store, request.roundId);
    assertRoundOpen(round);
    if (!action.areaId || !store.areas.findVisit(round.id, action.areaId)) {
      throw validationError(
        'roundId',
        'Add the action’s area to this round before recording what you saw there',
      );
    }
    const what = action.willDo.trim() || action.said.trim();
    const text = `Revisit of the action “${what.slice(0, 300)}”: ${REVISIT_WORDS[request.outcome]}.${request.note ? ` ${request.note}` : ''}`;
    const observation = createObservation(store, {
      roundId: round.id,
      areaId: action.areaId,
      kind: 'seen',
      source: 'not_applicable',
      text,
      promptId: null,
    });
    store.actions.addLink({
      actionId: action.id,
      itemKind: 'observation',
      itemId: observation.id,
      role: 'revisit',
      outcome: request.outcome,
      createdAt: store.now().toISOString(),
    });
    store.audit.append({
      action: 'update',
      entity: 'action_revisit',
      entityId: action.id,
      detail: { roundId: round.id, observationId: observation.id, outcome: request.outcome },
    });
    return {
      action: getActionDetail(store, action.id),
      observation: getObservationDto(store, observation.id),
    };
  });
}
