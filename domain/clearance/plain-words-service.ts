// The one-key jargon fix at review. By the time an item is reviewed its text is fixed (a completed
// round's observations are locked by the database; an approved story's words are what the
// storyteller approved at read-back), so the fix does not edit it. It is recorded the way a
// redaction at review is: a decision ("plain_words") against the item's text, saying which term
// and which plain words, by whom and when. The stored text keeps its own words, so nothing is lost;
// the review shows the replacement; every export and bundle applies it on the way out (the
// personal-data gate), the sign-off signs it with the rest of the record's decisions, and the
// audit log says who replaced what with what. Once the item is signed off it is refused, by the
// service and by the database's lock triggers.

import type { ClearanceReportDto, ParsedRequestOf } from '../../ipc/contract';
import { lockedError, validationError } from '../../ipc/errors';
import { checkPlainLanguage } from '../plain-language/check-plain-language';
import { applyPlainWords, plainWords, plainWordsKey } from '../plain-language/plain-replace';
import type { Store } from '../store';
import { auditDecision, decideOnItem, plainLanguageField, plainWordsRows } from './clearance-service';

export function replaceWithPlainWords(
  store: Store,
  request: ParsedRequestOf<'clearance:plain-words'>,
): ClearanceReportDto {
  return decideOnItem(store, request, (item) => {
    if (item.kind === 'story' && store.signOffs.get('story', item.row.id)) {
      throw lockedError('This story has been signed off, so it can no longer be changed.');
    }
    if (
      item.kind === 'observation' &&
      (item.roundStatus === 'planned' || item.roundStatus === 'in_progress')
    ) {
      throw validationError(
        'term',
        'The round is still open: change the words in the observation itself (Check personal details and jargon)',
      );
    }
    const field = plainLanguageField(item);
    // The text as it would leave now, so a term already replaced is not offered twice.
    const leaving = applyPlainWords(field.text, plainWordsRows(store, item));
    const term = checkPlainLanguage(leaving).findings.find((f) => f.text === request.term && !f.explained);
    if (term === undefined) {
      throw validationError('term', `“${request.term}” is no longer in the text. Check the text again`);
    }
    const words = plainWords(term.plain);
    store.clearance.save({
      itemKind: item.kind,
      itemId: item.row.id,
      field: field.field,
      findingKey: plainWordsKey(term.text),
      decision: 'plain_words',
      reason: words,
      decidedBy: store.actor,
      decidedAt: store.now().toISOString(),
    });
    auditDecision(store, item, field.field, {
      decision: 'plain_words',
      // Jargon, not personal data, so the words themselves are logged: what was replaced by what.
      replaced: term.text,
      with: words,
      // The stored text is unchanged; the replacement is made in what leaves the app.
      appliedInPlace: false,
    });
  });
}
