// Word valences for patient-experience feedback, on a scale of -3 (appalling) to +3 (faultless).
// Tuned for what is said on hospital wards, not for general English: "patient" (a noun here)
// and "cancer", "chemo" or "died" (facts, not judgements of care) are deliberately absent,
// and "waiting", "busy" and "cold" lean negative because on a ward they usually are.
//
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

// Things a patient expects to be given or done. Said plainly they are neutral ("I was told to
// wait"); negated they are a complaint ("wasn't told", "no hand gel", "nobody explained"),
// whatever their plain valence. Their plain valence, if any, comes from WORD_VALENCE.
export const EXPECTED_WORDS: ReadonlySet<string> = new Set(
  `told tell informed explained explain explanation updated update updates offered asked
   introduced listened listen listening included involved consulted seen given answered
   answer called contacted shown helped help helpful fed checked information leaflet
   leaflets signs signage gel soap towels chairs seats seat water blankets interpreter
   privacy dignity support supported staff find found sleep rest understand hear heard
   working available enough space choice parking chance time bed beds wheelchair
   wheelchairs toilet toilets food drink respect clean care cared welcome acknowledged
   hot warm cover idea came come arrived returned replied responded phoned rang knew
   received receive slept ask spoke spoken introduce offer check inform reply respond
   acknowledge return telling explaining asking checking informing updating warning
   consulting worked work works fixed repaired sorted option options alternative sense`.split(/\s+/),
);

/** The valence a negated expected word takes: "wasn't told" is a clear complaint. */
export const NEGATED_EXPECTED_VALENCE = -1.5;

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

// Multipliers for the words just before a scored word or phrase.
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.3],
  ['really', 1.3],
  ['so', 1.3],
  ['such', 1.3],
  ['extremely', 1.5],
  ['incredibly', 1.5],
  ['absolutely', 1.5],
  ['utterly', 1.5],
  ['exceptionally', 1.5],
  ['totally', 1.3],
  ['completely', 1.3],
  ['truly', 1.3],
  ['genuinely', 1.3],
  ['highly', 1.3],
  ['hugely', 1.4],
  ['massively', 1.4],
  ['deeply', 1.3],
  ['seriously', 1.3],
  ['super', 1.3],
  ['most', 1.2],
  ['particularly', 1.2],
  ['especially', 1.2],
  ['always', 1.2],
  ['consistently', 1.2],
  ['much', 1.2],
  ['far', 1.2],
  ['more', 1.15],
  ['even', 1.1],
  ['slightly', 0.5],
  ['bit', 0.6],
  ['little', 0.6],
  ['somewhat', 0.6],
  ['occasionally', 0.6],
  ['sometimes', 0.7],
  ['fairly', 0.7],
  ['partly', 0.7],
  ['mostly', 0.8],
  ['rather', 0.85],
  ['quite', 0.9],
]);

// Words that cannot follow "too" as a complaint ("the nurses were kind too", "me too").
export const TOO_EXEMPT: ReadonlySet<string> = new Set(
  'the a an and to of for in on at with as me us them him her it i we you they but so'.split(' '),
);

/** The valence of "too" + a word that is otherwise neutral: "too hot", "too long", "too much". */
export const TOO_VALENCE = -1.5;
