// The story page's steps as a person moves between them: back to the task list, then the step.
import { expect, type Page } from '@playwright/test';

export const taskList = (page: Page) => page.locator('ul.nhsuk-task-list');

/** Opens one step of the story from its task list and waits for the focus on its heading. */
export async function goToStoryStep(page: Page, title: string): Promise<void> {
  const back = page.getByRole('link', { name: 'Back to all steps' });
  if (await back.isVisible()) await back.click();
  const link =
    title === 'Withdraw consent'
      ? page.getByRole('link', { name: 'withdraw consent', exact: true })
      : taskList(page).getByRole('link', { name: title, exact: true });
  await link.click();
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeFocused();
}
