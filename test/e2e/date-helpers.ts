// The GOV.UK date input as a person uses it: a group named by its legend, with Day, Month and Year.
import { expect, type Locator, type Page } from '@playwright/test';

export const dateGroup = (scope: Page | Locator, name: string | RegExp) =>
  scope.getByRole('group', { name, exact: typeof name === 'string' ? true : undefined });

/** Types an ISO date ("2027-01-31") into the group's three boxes, clearing what was there. */
export async function fillDate(scope: Page | Locator, name: string | RegExp, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = dateGroup(scope, name);
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** The group shows that ISO date (a day or month with or without its leading zero). */
export async function expectDate(scope: Page | Locator, name: string | RegExp, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = dateGroup(scope, name);
  const number = (digits: string) => new RegExp(`^0?${Number(digits)}$`);
  await expect(group.getByLabel('Day')).toHaveValue(number(day));
  await expect(group.getByLabel('Month')).toHaveValue(number(month));
  await expect(group.getByLabel('Year')).toHaveValue(year);
}
