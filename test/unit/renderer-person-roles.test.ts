import { describe, expect, it } from 'vitest';
import { teamRoleFor } from '../../renderer/src/lib/person-roles';

describe('the role a person gave, as a round team role', () => {
  it('reads the roles people write in their own words', () => {
    expect(teamRoleFor('Governor')).toBe('governor');
    expect(teamRoleFor('Public governor')).toBe('governor');
    expect(teamRoleFor('NED')).toBe('ned');
    expect(teamRoleFor('Non-Executive Director')).toBe('ned');
    expect(teamRoleFor('non executive director, chair of PEIG')).toBe('ned');
    expect(teamRoleFor('Staff escort')).toBe('staff_escort');
    expect(teamRoleFor('Patient partner')).toBe('patient_partner');
  });

  it('is "other" for any role a round team does not name', () => {
    expect(teamRoleFor('Clinical lead partner')).toBe('other');
    expect(teamRoleFor('PEIG secretary')).toBe('other');
    expect(teamRoleFor('Nedlands manager')).toBe('other');
  });
});
