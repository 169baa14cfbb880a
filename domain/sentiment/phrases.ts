// The idioms of patient feedback. Each phrase that matches is one feature of the sentiment model
// (sentiment-features.ts), so "couldn't fault them", "nothing was too much trouble" and "the
// waiting area" are learned as wholes, not only as the words inside them. The values record
// how each was first judged; the model learns its own weight for each from labelled feedback.
//
// Pattern syntax (compiled once by phrase-matcher.ts, with the same tokenizer as the text,
// so "couldn't", "could not" and "couldnt" all match `couldn't`):
//   words separated by spaces, one slot each;
//   a|b|c       any one of the alternatives;
//   no_one      an underscore joins words into one multi-word alternative;
//   word?       the slot is optional;
//   ...         a gap of up to three words (never across a clause boundary); ...6 up to six.

export type PhraseRule = {
  pattern: string;
  /** Valence like a word's (-3..3); 0 only shields its words from scoring. */
  value: number;
  /** Neutral as said, a complaint when negated: "no hand gel", "no hearing loop". */
  expected?: true;
  /** Negates what follows to the end of its clause: "not once did I feel rushed". */
  negatesClause?: true;
  /** What follows, to the end of its clause, did not happen: "it would have been nice if...". */
  hypotheticalClause?: true;
};

const say = (value: number, ...patterns: string[]): PhraseRule[] =>
  patterns.map((pattern) => ({ pattern, value }));
const shield = (...patterns: string[]): PhraseRule[] => say(0, ...patterns);
const expected = (...patterns: string[]): PhraseRule[] =>
  patterns.map((pattern) => ({ pattern, value: 0, expected: true }));
const wish = (value: number, ...patterns: string[]): PhraseRule[] =>
  patterns.map((pattern) => ({ pattern, value, hypotheticalClause: true }));
const clauseNegator = (...patterns: string[]): PhraseRule[] =>
  patterns.map((pattern) => ({ pattern, value: 0, negatesClause: true }));

const WHO = 'me|us|him|her|them|mum|dad|everyone';
const FEEL = 'felt|feel|feeling|feels|made_me_feel|made_us_feel';

export const PHRASE_RULES: readonly PhraseRule[] = [
  // "Could we have done anything better?" "Nothing." The commonest praise there is.
  ...say(
    3,
    'nothing to improve|change|complain_about|fault',
    'nothing could|can|would|should be improved|better|changed',
    'nothing needs|need improving|changing|to_change|to_improve|to_be_improved',
    'nothing i|we would change|improve',
    "wouldn't change a_thing|anything",
    'no room for improvement',
    "couldn't|can't ... fault|faulted|falter",
    'no faults',
    "couldn't|can't thank ...6 enough",
    "couldn't|can't praise ...6 enough|highly_enough",
    "couldn't|can't speak ...6 highly_enough|more_highly|well_enough",
    "couldn't|can't recommend ...6 enough|highly_enough|more_highly",
    'nothing ... too much trouble|bother|effort|for_them?',
    'above and beyond',
    'the|an extra mile',
    'bent|bend|bending|bends over backwards',
    "couldn't|can't ask for better|more|anything_more|a_better|anything_better",
    "couldn't|can't do|have_done enough|more",
    "couldn't|can't be better|happier|kinder|more_helpful|more_caring",
    "couldn't|can't wish for better|more",
    'second to none',
    'a credit to',
    'keep up the good work',
    'nothing but praise|good_things|kindness|respect',
    'nothing bad to say',
    'only good things to say',
  ),
  ...say(
    2.5,
    `treated|treating|treat|treats ${WHO}? with dignity|respect|kindness|compassion|care`,
    'dignity and respect',
    `put|puts|putting ${WHO}? at ease`,
    'at ease',
    'in safe|good|capable|great hands',
    `${FEEL} listened_to|heard|valued|cared_for|safe|reassured|supported`,
    'made a real|huge|big|massive|world_of? difference',
    'made|makes all the difference',
    "couldn't have asked for",
    'first class',
    'top notch|marks',
    'home from home',
    'peace of mind',
  ),
  ...say(
    2,
    `took|take|takes|taking the? time to|for|with`,
    `found|find|finds|made|make|makes the? time to|for`,
    `kept|keep|keeps|keeping ${WHO}? informed|updated|up_to_date|in_the_loop`,
    'explained everything|things|it_all',
    'everything was|is explained',
    `talked|talks|talking|walked ${WHO} through`,
    'held|holding my|his|her hand',
    'looked after',
    `treated|treat|treats ${WHO}? so|very|really? well`,
    'well organised|organized|run|managed|led|informed',
    'hard working|workers|worker',
    'worked|work|works|working so|really|very|incredibly hard',
    'thank you',
    'many thanks',
    'well done',
    'no complaints|complaint',
    'with a smile',
    'like family',
    `sat|sit|sits|sitting with ${WHO}`,
    'meant|means a_lot|so_much|the_world|everything',
    'worth it|the_wait|the_journey|the_trip',
    'seen|saw|treated straight_away|straightaway|right_away|promptly|quickly',
  ),
  ...say(
    1.5,
    'no wait|waiting|queue|delay|delays',
    'on time',
    'no|without fuss',
    'no problems|issues|concerns',
  ),
  ...say(1.5, `checked|checking on ${WHO}`, 'before i|we knew it'),
  ...say(1, 'no problem', 'not a problem', 'straight_away|straightaway', 'very well', 'runs smoothly'),

  // Complaints said as idioms.
  ...say(
    -3,
    "couldn't have been worse",
    'in agony',
    'left in pain',
    'treated like a_number|cattle|an_idiot|a_child|dirt|a_nuisance',
  ),
  ...say(
    -2.5,
    'no_one|nobody told|tells|explained|explains|informed|asked|listened|came|checked|answered|introduced|knew|helped|updated|mentioned|warned|called|rang|offered|bothered|cared|responded',
    'no_one|nobody seemed to know|care|listen|understand|bother',
    'no_one|nobody to ask|talk_to|speak_to|turn_to|help',
    `left|kept ${WHO}? waiting|sitting|standing|hanging`,
    'left alone|on_my_own|on_our_own|on_his_own|on_her_own',
    'left|kept in the dark',
    'waited|waiting|wait for? hours|ages|months|weeks|forever|all_day|all_morning|all_afternoon|all_night',
    `${FEEL} rushed|hurried|pressured|ignored|invisible|dismissed|forgotten|abandoned|unwelcome|judged`,
    `${FEEL} like a nuisance|burden|number|pest|inconvenience`,
    "didn't|don't know|understand what ... happening|going_on|was_next",
    'no idea what ... happening|going_on|was_next',
    'not knowing what ... happening|going_on|was_next',
    'pillar to post',
    'through the net|cracks|gaps',
    `talked|talk|talking|talks|spoke|speak|speaking over ${WHO}`,
    `talked|talk|talking|talks|spoke|speak|speaking about ${WHO} as if|though`,
    'as if|though ... not there|here|present',
    'as if|though ... invisible|stupid|a_nuisance',
    'fobbed|brushed off',
    `let|lets|letting ${WHO}? down`,
    'not|never taken seriously',
    'waste of time',
    'never again',
  ),
  ...say(
    -2,
    'long wait|waits|waiting|delay|delays|queue|queues',
    'wait|waits|waited|waiting ... too? long|longer',
    'for hours|ages|months|weeks',
    'getting|got|gets|keep_getting longer|worse',
    'short staffed|handed',
    'had|have|having|has to chase|keep_asking|ask_again|keep_chasing|repeat|explain_again|tell_my_story|fight',
    'hard|difficult to find|follow|understand|get|hear|read|reach|navigate|park',
    "couldn't|can't get through",
    'no answer|reply|response',
    'nowhere to sit|park|go|wait|put|change',
    'in pain',
    'got|get|getting lost',
    'turned|sent away',
    'a joke',
    'different answers|stories|information|advice|things',
    'mixed messages',
    'make|makes|made|making no sense',
    'arrived|came|received ... after the appointment',
    "didn't|doesn't|don't even? look at|up",
  ),
  ...say(
    -1.5,
    'could|would|should have_been|be better|improved|clearer|quicker|nicer|easier|more',
    'room for improvement',
    'needs|need to improve|improving|improvement|to_be_improved',
    'should have',
    'needs|need|needed ... redecorating|repairing|fixing|updating|replacing|refurbishing|a_refurb|attention',
    'kept|keep|keeps changing|cancelling|moving',
    'out of order|stock',
    'ran|run|running out of',
    'on hold',
    'took|take|takes ... weeks|months|hours|ages|forever|all_day|all_morning|all_afternoon',
    'yet to be|hear|receive|see',
    'only downside|negative|complaint|criticism|niggle|gripe|problem|issue',
    'a long way|distance',
    'long time',
  ),
  ...say(-1, 'rushed off their|her|his|our feet'),
  ...wish(
    -1.5,
    'would have been nice|good|helpful|better',
    'would have liked|preferred|appreciated',
    'if only',
  ),
  ...wish(-1, 'would be nice|good|helpful|better if', 'it would help if', 'i|we wish'),

  // Neutral as said, a complaint when missing.
  ...expected(
    'hand gel|sanitiser|sanitizer|wash|washing',
    'call bell|bells|buzzer',
    'hearing loop',
    'pain relief|control|killers',
    'hot water|food|meal|drink|drinks',
  ),

  // "Not once did anyone ask": the negation reaches past the usual three words.
  ...clauseNegator('not once', 'never once', 'at no point|time|stage', 'not at any point|time|stage'),

  // Words that look like sentiment but are not, here.
  ...shield(
    "couldn't have been",
    'waiting room|rooms|area|areas|list|lists|times|time|room_area',
    'kind of',
    'what|which|any|every|the_same kind',
    'sort of',
    'no doubt',
    'without a? doubt',
    'not only|just',
    'but also',
    'nothing but',
    'no matter',
    'not yet',
    'never seen|met|known|had such|so|anything_like|anyone_so',
    'cold cap|caps|water|drink|drinks|compress|sore|sores',
    'lost weight|hair|my_hair|his_hair|her_hair',
    'bad news',
    'good morning|afternoon|evening',
    'care plan',
  ),
];
