// Word valences for patient-experience feedback, on a scale of -3 (appalling) to +3 (faultless).
// Tuned for what is said on hospital wards, not for general English: "patient" (a noun here)
// and "cancer", "chemo" or "died" (facts, not judgements of care) are deliberately absent,
// and "waiting", "busy" and "cold" lean negative because on a ward they usually are.
//
// The sentiment model reads a word's valence as a feature (strong or mild, praise or criticism,
// turned by a negation), which carries this judgement to words its training data rarely had.
// Words are grouped by valence in whitespace-separated lists so the table stays readable.

const BY_VALENCE: readonly (readonly [number, string])[] = [
  [
    3,
    `excellent outstanding exceptional amazing fantastic brilliant wonderful superb marvellous
     marvelous fabulous perfect faultless impeccable exemplary phenomenal spotless immaculate
     compassionate delighted wonderfully brilliantly amazingly stellar flawless`,
  ],
  [
    2.5,
    `incredible terrific great lovely kind kindness caring friendly welcoming helpful
     supportive reassuring reassured attentive respectful impressed impressive grateful
     thankful kinder angel angels heroes awesome brill fab beautiful beautifully friendliest
     kindest loveliest nicest comforting comforted cheerful delicious seamless praise
     marvellously superbly fantastically`,
  ],
  [
    2,
    `good gentle empathetic compassion clean comfortable comfy efficient informative thorough
     professional professionalism knowledgeable skilled dedicated polite courteous dignity
     dignified happy happier pleased satisfied appreciated appreciate recommend safe
     confident trusted listened valued cared considerate thoughtful painless relaxing
     smiling smiley tasty honest honesty generous glad hygienic encouraging punctual
     reassurance proud hero gem praised empowered accommodating friendlier lovelier
     welcomed helpfulness cleanest enjoyed best loved love responsive nicely warmly`,
  ],
  [
    1.5,
    `nice pleasant calm calming tidy relaxed peaceful welcome helped supported prompt promptly
     quick quickly swift smooth smoothly easy clear clearly competent expert respect
     respected safer secure listening listens involved included better improved liked
     enjoy accessible spacious flexible sensitive smile smiled thank thanks positive
     reliable efficiently effective patiently gently transparent comfort encouraged
     relieved lucky remembered informed nicer quicker thoroughly recommended explained organised
     organized understanding`,
  ],
  [1, `decent introduced warm quiet fresh bright airy modern trust confidence fine`],
  [0.5, `ok okay adequate reasonable acceptable fair`],
  // Listed so the inflection fallback does not read them as "honest" or "real".
  [0, `honestly frankly really actually`],
  [-0.5, `busy tired dated waiting dark alone`],
  [
    -1,
    `wait queue queued queueing slowly rescheduled urine smell worry issue issues concern
     concerns unaware unsure uncertain repetitive bored drab bland limited scarce stretched
     hassle exhausted unable smelt smelled`,
  ],
  [
    -1.5,
    `late delays slow rush rushing hurried noise loud cold chilly stuffy dusty stained sticky
     cluttered untidy messy leaking faulty shabby cramped crowded hectic unclear vague jargon
     conflicting lost confused forgot scared afraid anxious anxiety worried worrying sad
     stressed stress complaint complain complained wrong incorrect missed missing
     cancellation postponed overstretched overworked fail struggle struggled struggling
     difficult difficulty tasteless stale lukewarm soggy hungry thirsty lonely isolated
     inconsistent fragmented overwhelmed overwhelming unsettled unavailable unreachable
     shame pity lacking lack regret unfortunately sadly boring gloomy waited unwell
     chase chased chasing burden shout queues inconvenient`,
  ],
  [
    -2,
    `abrupt curt dismissed unfriendly unpleasant shocked poor poorly bad worse inadequate
     grubby smelly broken blocked overflowing overcrowded noisy freezing uncomfortable
     confusing confusion misleading contradictory forgotten frightened frightening upset
     distressed stressful embarrassed embarrassing annoyed annoying frustrated frustrating
     frustration disappointed disappointing disappointment unhappy dissatisfied mistake
     mistakes error errors failed failure delay delayed cancelled rushed impatient
     understaffed painful hurt hurting suffering impossible mess harsh shouted shouting
     judged blamed stigma inaccessible unanswered unresponsive uninformed unsupported
     unwelcome intimidating intimidated unsettling inefficient wasted waste pointless
     starving dehydrated harm litter rubbish dingy refused denied nuisance overlooked
     sidelined insufficient problem problems unreliable ignore hate dreaded dread
     unsafe dangerous`,
  ],
  [
    -2.5,
    `rude rudely rudeness dismissive arrogant condescending patronising patronizing
     unprofessional uncaring unkind unhelpful shocking useless hopeless dirty stank stink
     stinking unhygienic ignored ignoring abandoned distressing upsetting undignified
     disrespectful disrespected insensitive angry miserable chaotic chaos ridiculous lazy
     careless unsympathetic aggressive yelled judgemental judgmental stigmatised excluded
     disregarded fobbed unwelcoming disorganised disorganized hated crap`,
  ],
  [
    -3,
    `horrible horrendous terrible awful appalling dreadful disgusting disgraceful atrocious
     abysmal filthy neglected neglect humiliated humiliating degrading worst unacceptable
     nightmare disaster shambles pathetic incompetent negligent inedible agony bullying
     bullied discriminated discrimination racist racism sexist homophobic harmed`,
  ],
];

function buildValences(): ReadonlyMap<string, number> {
  const valences = new Map<string, number>();
  for (const [valence, words] of BY_VALENCE) {
    for (const word of words.split(/\s+/)) {
      if (word === '') continue;
      if (valences.has(word)) throw new Error(`sentiment lexicon lists '${word}' twice`);
      valences.set(word, valence);
    }
  }
  return valences;
}

export const WORD_VALENCE: ReadonlyMap<string, number> = buildValences();

export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
  'scarcely',
  'nowhere',
  'lack',
  'lacked',
  'lacking',
]);
