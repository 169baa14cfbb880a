// Settings: the organisation's name printed on exports, the staff names the personal-data
// check knows, and who is using the app on this computer.
import { z } from 'zod';
import { emptyRequest, requiredText } from './schema-parts';

export const Organisation = z.object({
  name: z.string(),
  /** True until someone has set the name: exports then carry a general one. */
  isDefault: z.boolean(),
});

export const setOrganisationRequest = z
  .object({ name: requiredText('your organisation’s name', 120) })
  .strict();

/** Who uses PX Rounds on this computer: asked once, offered wherever the app asks for a name. */
export const Person = z.object({ name: z.string(), role: z.string() });
/** Null until someone has said who they are. */
export const PersonOrNone = z.object({ person: Person.nullable() });

export const setPersonRequest = z
  .object({
    name: requiredText('your name', 100),
    role: requiredText('your role', 100),
  })
  .strict();

export const StaffNames = z.object({ names: z.array(z.string()) });

export const setStaffNamesRequest = z
  .object({
    names: z
      .array(
        z
          .string({ message: 'A name must be text' })
          .trim()
          .min(1, { message: 'Enter the name, or remove the empty line' })
          .max(100, { message: 'A name must be 100 characters or fewer' }),
      )
      .max(2_000, { message: 'The list can hold at most 2,000 names' }),
  })
  .strict();

export const settingsChannels = {
  'settings:get-staff-names': {
    request: emptyRequest,
    response: StaffNames,
  },
  'settings:set-staff-names': {
    request: setStaffNamesRequest,
    response: StaffNames,
  },
  'settings:get-organisation': {
    request: emptyRequest,
    response: Organisation,
  },
  'settings:set-organisation': {
    request: setOrganisationRequest,
    response: Organisation,
  },
  'settings:get-person': {
    request: emptyRequest,
    response: PersonOrNone,
  },
  'settings:set-person': {
    request: setPersonRequest,
    response: PersonOrNone,
  },
} as const;
