// The local copy of what is typed in the capture form is written just after each key's frame
// rather than inside the key's handler, and at once when the page goes away: a reload asked for
// with the last change still finds all of it.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { addArea, observationsHeading, startRound, textBox } from './helpers';

const WORDS = 'The chaplain came by twice';
const LAST = ' and sat with us';

test.describe('with the network cut', () => {
  test.use({ allowedConsoleErrors: [/ERR_CONNECTION_REFUSED/] });

  test('words changed in the same moment the page reloads, before any save got through, come back and are then saved', async ({
    app: page,
  }) => {
    await startRound(page);
    await addArea(page, 'Ward 3');
    await page.route('**/api/observations:*', (route) => route.abort('connectionrefused'));
    await page.keyboard.type(WORDS);
    // The last change and the reload asked for in one task: the copy is written by whichever
    // comes first, the frame after the change or the page going away.
    const reloaded = page.waitForEvent('load');
    await page.evaluate(`(() => {
      const box = document.getElementById('field-text');
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      setValue.call(box, box.value + ${JSON.stringify(LAST)});
      box.dispatchEvent(new Event('input', { bubbles: true }));
      window.location.reload();
    })()`);
    await reloaded;

    await expect(textBox(page)).toHaveValue(WORDS + LAST);
    await expectNoAxeViolations(page, 'the round page, its words restored from the local copy');
    await page.unroute('**/api/observations:*');
    await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
    await page.reload();
    await expect(observationsHeading(page, 1)).toBeVisible();
    await expect(textBox(page)).toHaveValue(WORDS + LAST);
  });
});
