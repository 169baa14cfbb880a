// An observation's sentiment drivers are the words that led to its suggested sentiment, each with
// where it stands in the text. Where personal details were removed from the text before it leaves,
// the drivers must follow: a driver inside what was removed would carry it out again, and the
// others' places have moved. Each is found again, in order, in the text as sent; one that is no
// longer there is left out.

type Driver = { phrase: string; start: number; end: number; polarity: string };

export function driversAsSent(driversJson: string, original: string, sent: string): string {
  if (original === sent) return driversJson;
  let drivers: Driver[];
  try {
    drivers = JSON.parse(driversJson) as Driver[];
  } catch {
    return '[]';
  }
  if (!Array.isArray(drivers)) return '[]';
  let from = 0;
  const kept: Driver[] = [];
  for (const driver of drivers.toSorted((a, b) => a.start - b.start)) {
    if (typeof driver.phrase !== 'string' || driver.phrase === '') continue;
    const at = sent.indexOf(driver.phrase, from);
    if (at === -1) continue;
    kept.push({ ...driver, start: at, end: at + driver.phrase.length });
    from = at + driver.phrase.length;
  }
  return JSON.stringify(kept);
}
