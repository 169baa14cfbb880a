// A walk through the app by keyboard alone: every key press other than the words themselves is
// counted, per journey, and each screen met on the way gets one axe scan.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';

export class KeyboardWalk {
  private readonly counts = new Map<string, number>();
  private journeyName = '';
  private readonly scanned = new Set<string>();
  private sinceMark = 0;

  constructor(private readonly page: Page) {
    const press = page.keyboard.press.bind(page.keyboard);
    page.keyboard.press = async (key, options) => {
      this.counts.set(this.journeyName, (this.counts.get(this.journeyName) ?? 0) + 1);
      this.sinceMark += 1;
      await press(key, options);
    };
  }

  /** From now on, presses count towards this journey. */
  journey(name: string): void {
    this.journeyName = name;
    this.counts.set(name, this.counts.get(name) ?? 0);
  }

  /** Starts a count of its own (within the journey), e.g. for one observation. */
  mark(): void {
    this.sinceMark = 0;
  }

  pressesSinceMark(): number {
    return this.sinceMark;
  }

  perJourney(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  screensScanned(): string[] {
    return [...this.scanned];
  }

  /** One axe scan per distinct screen; a screen met again is not scanned twice. */
  async scan(screen: string): Promise<void> {
    if (this.scanned.has(screen)) return;
    this.scanned.add(screen);
    await expectNoAxeViolations(this.page, screen);
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** The words themselves: typed, and not counted. */
  async type(words: string): Promise<void> {
    await this.page.keyboard.type(words);
  }

  /** Tab (or Shift+Tab) until the element has focus; each press counts. */
  async tabTo(target: Locator, options: { backwards?: boolean } = {}): Promise<void> {
    const key = options.backwards === true ? 'Shift+Tab' : 'Tab';
    for (let presses = 0; presses < 120; presses += 1) {
      if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`Could not reach ${target.toString()} with ${key}`);
  }

  /** Tabs into a group of radios, then moves with the arrow keys until `name` is chosen. */
  async choose(group: Locator, name: string | RegExp): Promise<void> {
    const target = group.getByRole('radio', { name });
    for (let presses = 0; presses < 80; presses += 1) {
      if (await group.evaluate((element) => element.contains(element.ownerDocument.activeElement))) break;
      await this.page.keyboard.press('Tab');
    }
    for (let presses = 0; presses < 12 && !(await target.isChecked()); presses += 1) {
      const onTarget = await target.evaluate((element) => element === element.ownerDocument.activeElement);
      await this.page.keyboard.press(onTarget ? 'Space' : 'ArrowDown');
    }
    await expect(target).toBeChecked();
  }

  /** Tabs to the element and presses Enter on it. */
  async activate(target: Locator, options: { backwards?: boolean } = {}): Promise<void> {
    await this.tabTo(target, options);
    await this.page.keyboard.press('Enter');
  }

  /** Tabs to a field and types into it. */
  async fillIn(target: Locator, words: string, options: { backwards?: boolean } = {}): Promise<void> {
    await this.tabTo(target, options);
    await this.type(words);
    await expect(target).toHaveValue(words);
  }

  /** The GOV.UK date input's three boxes, from Day: the digits typed, Tab between the boxes. */
  async fillDate(group: Locator, iso: string): Promise<void> {
    const [year = '', month = '', day = ''] = iso.split('-');
    await this.tabTo(group.getByLabel('Day'));
    await this.type(day);
    await this.press('Tab');
    await this.type(month);
    await this.press('Tab');
    await this.type(year);
  }
}
