// The person's role as they wrote it ("Governor", "NED", "Non-Executive Director"), read as one of
// a round team's roles, so the team's first row can be filled in with them. Pure, for tests.
import type { TeamRole } from '../../../ipc/contract';

const ROLE_WORDS: readonly { role: TeamRole; pattern: RegExp }[] = [
  { role: 'ned', pattern: /\bned\b|non[-\s]?executive/iu },
  { role: 'governor', pattern: /\bgovernor\b/iu },
  { role: 'staff_escort', pattern: /\bescort\b/iu },
  { role: 'patient_partner', pattern: /\bpatient partner\b/iu },
];

export function teamRoleFor(role: string): TeamRole {
  return ROLE_WORDS.find(({ pattern }) => pattern.test(role))?.role ?? 'other';
}
