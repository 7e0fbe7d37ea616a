import { beforeAll, describe, expect, it } from 'vitest';
import { annotateText } from '../helpers.js';

/** The default stages, with the claims stage's weights and further options. */
const pipelineJson = (weights: 'learned' | 'rules', options: Record<string, unknown> = {}) =>
  JSON.stringify({
    stages: [
      { id: 'segment', stage: 'segment' },
      { id: 'tokenize', stage: 'tokenize' },
      { id: 'entities', stage: 'entities' },
      { id: 'claims', stage: 'claims', options: { weights, ...options } },
    ],
  });
/** The pipeline of the block being run: every table below runs under both weightings. */
let PIPELINE = pipelineJson('learned');

const ARTICLE = 'Iraq Talks\n\nU.S. forces have withdrawn from eight Iraqi bases, with the last being Camp Taji.\n\n';

/** Labels the sentences of one comment; returns [label, source kind] per sentence. */
async function label(comment: string) {
  const page = `${ARTICLE}  1. reader says:\n\n    ${comment}\n`;
  const layers = await annotateText(page, PIPELINE);
  return layers.get('claims')!.map((r) => ({ label: r.label, source: (r.source as { kind: string; text: string } | null) ?? null, cues: r.cues as string[] }));
}

// The guideline's cases hold under the learned weights (the default) and under the hand-set rules.
describe.each(['learned', 'rules'] as const)('claims, %s weights', (weights) => {
  beforeAll(() => {
    PIPELINE = pipelineJson(weights);
  });

  describe('claims: one rule at a time', () => {
    it.each([
      ['a past event with numbers is an unsourced claim', 'Russia delivered 12 jets to Iraq in 2015.', 'unsourced_claim'],
      ['a genuine question is not a claim', 'Do you have links to prove any of that?', 'not_claim'],
      ['a question without a question mark is not a claim', 'How does Iraq move their bank account out of DC', 'not_claim'],
      ['a rhetorical "did you know" question asserting a fact is a claim', 'Did you know that the US has the biggest biological warfare laboratory in 2019?', 'unsourced_claim'],
      ['an imperative is not a claim', 'Stop spreading propaganda.', 'not_claim'],
      ['a wish is not a claim', "Let's hope China gets past the virus.", 'not_claim'],
      ['a prediction is not a claim', 'Iraq will be doomed next year.', 'not_claim'],
      ['a statement about the writer is not a claim', 'I know now.', 'not_claim'],
      ['an opinion is not a claim', 'That is a stupid idea.', 'not_claim'],
      ['a fact only presupposed in an evaluation is not a claim', 'Wise of Iraq not to include the US in the intelligence.', 'not_claim'],
      ['a reaction is not a claim', 'LOL.', 'not_claim'],
      ['vague attribution leaves a claim unsourced', 'They say Russia delivered 12 jets to Iraq in 2015.', 'unsourced_claim'],
    ])('%s', async (_name, comment, expected) => {
      const [first] = await label(comment);
      expect(first!.label, first!.cues.join('; ')).toBe(expected);
    });

    it('vague attribution is shown as a cue, not a source', async () => {
      const [first] = await label('Studies show Russia delivered 12 jets to Iraq in 2015.');
      expect(first!.source).toBeNull();
      expect(first!.cues.some((c) => c.startsWith("vague attribution ('studies show') — not a source"))).toBe(true);
    });
  });

  describe('claims: what a cue fires on', () => {
    const cuesOf = async (comment: string) => (await label(comment))[0]!;
    it.each([
      ['a statement about a third party', "They didn't name a boat after him.", "statement about someone or something ('They did')"],
      ['talk aimed at the reader, not only at the start', 'Poor thing, your hatred has melted your brain.', "speaks to the reader ('you')"],
      ['an evaluative noun', 'Merkel is a human failure in every sense.', "evaluation ('failure')"],
      ['a name-calling noun', 'Jeh Johnson is another political hack.', "evaluation ('hack')"],
      ['a judging word with invisible word joiners inside', 'That is s\u2060a\u2060d, Wayne.', 'evaluation ('],
      ['"had" as a main verb is a past state', 'Iraq had good ties with the USSR.', "past event ('had')"],
      ['a past form with its object is an event', 'Russia sold weapons to Iraq.', "past event ('sold')"],
      ['a subject saying how many is checkable', 'Very few people are anymore.', "says how many ('few')"],
      ['"Nobody" as subject is checkable', 'Nobody is flying ISIS flags here.', "says how many ('nobody')"],
    ])('%s', async (_name, comment, cue) => {
      const { cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith(cue)), cues.join('; ')).toBe(true);
    });

    it.each([
      ['a participle describing a noun', 'Another civilized country being destroyed by invaders.'],
      ['a participle after a present "are", with a comma after it', 'The cheese for muslims are made, so they remain lazy.'],
      ['"did" standing in for another verb', 'Sure she did.'],
      ['"had" as an auxiliary', 'They had already left.', 'had'],
      ['a participle after a present "is not"', 'The world is not possessed by satan.'],
      ['a relative clause describing a common noun', 'They mock a man who served honorably.'],
      ['a relative clause on a noun tagged as an adjective', 'No, by the standard that has been around since this country was founded.'],
      ['a participle with its agent and no auxiliary', 'This is the unfortunate world created by this narcissist.'],
      ['a participle in quotation marks after "is not"', 'The military is not "destroyed".'],
      ['a past form that wink-nlp reads as a noun', "That's a given."],
      ['a relative clause on a plural name', 'Funny to watch a bunch of Cons who never served.'],
      ['the agent after a short particle', 'Brought to you by William Jefferson Clinton.'],
      ['a participle after an indefinite pronoun', 'They resist anything related to the Federal Government.'],
      ['a participle after an adverb, describing a noun', 'There is always a mentally disturbed man in the crowd.'],
      ['a participle after "its" written for "it\'s"', 'Its called pandering to the voters.'],
      ['a participle after "remain"', 'Many religions are poisonous, and human beings still remain fallen human beings.'],
      ['a word mentioned after a preposition', 'And by stood up, you mean kneel in front of a flag.'],
      ['a fixed phrase', 'Join them and problem solved.'],
      ['"meant", a state of mind', 'Which really meant change the bathrooms.'],
      ['a participle after an article and an adverb', 'There is always a mentally disturbed feminist - man hater in the crowd.'],
      ['the end of a hyphenated compound', 'Another ugly, self-proclaimed "feminist".'],
      ['a participle after a degree adverb, describing a noun', 'They have a more advanced center structure.'],
      ['a participle between two adjectives of a noun', 'They fight the foreign imposed illegitimate rulers.'],
      ['an imagined event, after a modal and "have"', 'In nature, its parents would have killed it.'],
      ['an imagined event, after a modal, "have" and an adverb', '"No" should have always meant no.'],
      ['an imagined event, inside an "if" clause', 'If the father had a rifle, the boy might be alive.'],
      ['an imagined event, inside an "unless" clause', 'A woman cannot leave her house unless accompanied by a male relative.'],
      ['an imagined event, inside an inverted condition', 'Had the Brits decided to back off, the states would be free.'],
      ['an imagined event, after "may have"', 'The states may have tried to leave.'],
      ['an imagined event, after "when" with no subject of its own', 'Open opposition to a force that refuses to go when asked.'],
    ])('no past event in %s', async (_name, comment, word = '') => {
      const { cues } = await cuesOf(comment);
      expect(cues.filter((c) => c.startsWith('past event') && (word === '' || c.includes(`'${word}'`))), cues.join('; ')).toEqual([]);
    });

    it.each([
      ['"I" as subject', 'I applied to 300 jobs in 2015.', 'applied'],
      ['"I" with auxiliaries and adverbs in between', 'I have only been called in for an interview 6 times.', 'called'],
      ['"my" + noun as subject', 'I was a teacher and my husband was employed by a bank.', 'employed'],
      ['"I got" + participle', 'I got laid off from my job in December 2015.', 'laid'],
      ['a verb sharing the subject "I" across "and"', 'I tried to go for unemployment in Ohio and was declined in 2015.', 'declined'],
    ])("the writer's own past is about the writer, not a past event: %s", async (_name, comment, word) => {
      const { label: got, cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith('past event')), cues.join('; ')).toBe(false);
      expect(cues.some((c) => c.startsWith("the writer's own past") || c.startsWith('about the writer')), cues.join('; ')).toBe(true);
      expect(got, `${word}: ${cues.join('; ')}`).toBe('not_claim');
    });

    it.each([
      ['after an introductory phrase', 'Now all that aside, the Navy could have chosen a different vessel.', "possibility or recommendation ('could')"],
      ['after an introductory word', 'Too, Disney should have 2 barriers at the lake.', "possibility or recommendation ('should')"],
    ])('a modal in the main clause %s counts in full', async (_name, comment, cue) => {
      const { cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith(cue) && !c.includes('in a later clause')), cues.join('; ')).toBe(true);
    });

    it('a modal in a coordinated clause counts less', async () => {
      const { cues } = await cuesOf('Kadhimi is a CIA plant and should be removed.');
      expect(cues.some((c) => c.includes('in a later clause')), cues.join('; ')).toBe(true);
    });

    it('a named entity with a modal before the verb does not act', async () => {
      const { cues } = await cuesOf('Maybe Israel can press Egypt for reparations.');
      expect(cues.some((c) => c.startsWith('says what Israel does')), cues.join('; ')).toBe(false);
      const { cues: acts } = await cuesOf('Israel pressed Egypt for reparations.');
      expect(acts.some((c) => c.startsWith('past event') || c.startsWith('says what Israel does')), acts.join('; ')).toBe(true);
    });

    it('a number only spelled out counts half; digits count in full', async () => {
      // The contribution shown at the end of a cue ("… +0.75"), under whichever weights the stage uses.
      const shown = (cues: string[], prefix: string) => {
        const cue = cues.find((c) => c.startsWith(prefix));
        expect(cue, cues.join('; ')).toBeDefined();
        return Number(/\+(\d+(?:\.\d+)?)$/.exec(cue!)![1]);
      };
      const { cues: spelled } = await cuesOf('Except for the last seven words.');
      const { cues: digits } = await cuesOf('Russia delivered 12 jets.');
      const half = shown(spelled, "number or date ('seven'), spelled out +");
      const full = shown(digits, "number or date ('12') +");
      expect(full).toBeGreaterThan(0);
      expect(Math.abs(half - full / 2)).toBeLessThanOrEqual(0.01);
    });

    it.each([
      ['I was making $87,000 a year and my wife only makes $32,000.', "'i'"],
      ['They seriously denied me unemployment because I made too much money.', "'me'"],
      ['The woman in front of me had a buggy full of steaks.', "'me'"],
    ])("the writer in the first clause makes it about the writer: '%s'", async (comment, word) => {
      const { label: got, cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith('about the writer') && c.includes(word)), cues.join('; ')).toBe(true);
      expect(got).toBe('not_claim');
    });

    it.each([
      ["From what I've read, Russia delivered 12 jets to Iraq in 2015."],
      ['When I was growing up, Russia delivered 12 jets to Iraq every year.'],
      ['Russia delivered 12 jets to Iraq in 2015, I checked.'],
    ])("the writer outside the first clause, or only as reader or time frame, leaves the claim: '%s'", async (comment) => {
      const { label: got, cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith('about the writer')), cues.join('; ')).toBe(false);
      expect(got).toBe('unsourced_claim');
    });

    // Whether a cue fires (true) or stays silent (false) on a sentence.
    it.each([
      ["a possessive is no copula", "We should adopt Bernie's idea now.", 'says what something is', false],
      ["'s after a pronoun is a copula", "That's a lie about Iraq.", 'says what something is', true],
      ["a curly apostrophe too", 'It’s the type of command they use.', 'says what something is', true],
      ['a tag question asserts its statement', 'The ISIS flag is not flying from any state Capitol, is it?', "tag question asserting its statement ('is it?')", true],
      ['an infinitive is no statement about someone', 'Funny to watch a bunch of Cons criticize him.', 'statement about someone', false],
      ['an object noun is no acting subject', 'people who want our country invaded by sharia law.', 'says what country', false],
      ['an idiom judges nothing', 'Many were ambivalent with respect to it.', 'evaluation', false],
      ['"im" without an apostrophe is the writer', 'im guessing she is a clinton supporter', 'first person', true],
      ['reply handles before a command', "barker @CarpeNoctem Don't count on it.", 'imperative', true],
      ['what a third party does not do', 'It does not apply to any branch of the Government.', "states what someone does not do ('does not apply')", true],
      ['what a third party has', 'Those scholarships also have lower standards.', "states what someone has ('have')", true],
      ['not a verb of the mind', 'He does not care about the law.', 'states what someone', false],
      ['"have" as an auxiliary is no possession', 'The Egyptians have fought 4 wars with Israel.', 'states what someone has', false],
      ['"has not" + participle is no possession either', 'Turkey has not taken a single refugee.', 'states what someone has', false],
      ['one verb, one cue: a past "had" is not also a possession', 'Denmark hardly had relations with Iran.', 'states what someone has', false],
      ['not the writer', 'I do not accept that.', 'states what someone', false],
      ['a judging noun phrase in the predicate', 'Feminism is a disease.', "judges in the predicate ('disease')", true],
      ['a judging role in the predicate', 'Gun control is not the answer.', "judges in the predicate ('answer')", true],
      ['a plain noun phrase in the predicate', 'Kadhimi is the prime minister.', 'judges in the predicate', false],
      ['an impression', 'She sounds like Hillary.', "an impression, not a fact ('sounds like')", true],
      ['"that\'s why" as a cause', 'It is flying here, thats why Americans are joining ISIS.', 'cause or purpose', true],
      ['a command after a comma', "The virus doesn't work, stop spreading propaganda.", "imperative or request in a later clause ('stop')", true],
      ['a noun phrase after an adverb in the predicate', 'She is still a woman.', "says what something is ('is a woman')", true],
      ['a possessive noun phrase in the predicate', "That's HIS results.", "says what something is (''s HIS results')", true],
      ['no "X is a Y" in "there is a …"', 'There is a reason for it.', 'says what something is', false],
      ['an adverb before the verb of a subject', 'The First Amendment only talks about Congress.', "says what The First Amendment talks does", false],
      ['a denied past event', "Back then women didn't serve in the military much.", "past event ('didn't serve')", true],
      ['a passive "done"', 'The counseling has been done many times before.', "past event ('done')", true],
      ['"did" standing in for a verb', 'Sure she did.', 'past event', false],
      ['not a light verb after "didn\'t"', "He didn't mean it.", 'past event', false],
      ['a state of mind is no event', 'Obama hated this country.', 'past event', false],
      ['a rhetorical formula at the end of a question', 'After 300 years of this, what do you expect?', "rhetorical question stating a fact ('what do you expect')", true],
      ['"\'ll" is a prediction', "That'll help the economy.", "prediction (''ll')", true],
      ['"I’m" with a curly apostrophe is the writer, not a third party', 'I’m pretty sure that approach works.', 'statement about someone', false],
      ['"never was" is no command', 'Never was that the case.', 'imperative', false],
      ['the idiom "margin of error"', 'They predict elections within the margin of error.', 'evaluation', false],
      ['a judging noun phrase after a later copula', 'There is a reason they say liberalism is a disease.', "judges in the predicate ('disease')", true],
      ['the writer in the main clause after an introductory phrase', "After 30 years of observation, I'm thinking being ugly is a requirement.", "about the writer ('i'm'", true],
      ['"can\'t come soon enough" is a wish', "January 2017 can't come soon enough.", 'wish or hope', true],
      ['a copula after a named entity', 'Kadhimi is the prime minister.', 'says what a named entity is', true],
      ['"shouldn\'t" is a recommendation', "The state government shouldn't do it.", "possibility or recommendation ('should')", true],
      ['"would have to" is "would"', 'But then Trump would have to pay taxes.', "possibility or recommendation ('would')", true],
      ['"could care less" is no modal', 'I could care less about him.', 'possibility or recommendation', false],
      ['a relative pronoun is no subject', 'Which was exactly what the senator did.', 'statement about someone', false],
      ['"What it does is …" still has a subject', 'What it does is place a limit on the power of one branch.', 'statement about someone', true],
      ['"Or" opens a statement', 'Or the banks simply refuse the loan.', 'statement about someone', true],
      ['"thousands" is a number', 'They bring in thousands of workers.', "number or date ('thousands')", true],
      ['"there\'s" states existence', "There's nothing in the Constitution about it.", 'states that something exists', true],
      ['"has nothing to do with" is no possession', 'God has nothing to do with it.', 'states what someone has', false],
      ['a command after an ellipsis', 'Size matters.... Ask Obama about it.', "imperative or request in a later clause ('ask')", true],
      ['a name inside a prepositional phrase does not act', 'Diversity to the Democrats means a mixed group.', 'says what Democrats does', false],
      ['a name-calling word the lexicon lists', 'A bunch of libertards run the council.', 'evaluation', true],
      ['"since" + a present clause gives a reason', 'The dollar will lose its place since Iraq is selling oil for yuan.', 'cause or purpose', true],
      ['"since" + a past clause gives a time', 'Prices rose since he was elected.', 'cause or purpose', false],
      ['"need" as a noun is no modal', 'Aid is based entirely on need, not merit.', 'possibility or recommendation', false],
      ['"need" as a verb still is', 'They need a third party to shame them.', "possibility or recommendation ('need')", true],
      ['"How about …" asks', 'How about very sharp, steel tipped shoes.', 'question', true],
      ['a number naming a part of a document is no figure', 'Article 5 says an attack on one member is an attack on all.', 'number or date', false],
      ['"yourselves" speaks to the reader', 'Stop thinking about yourselves.', 'speaks to the reader', true],
      ['a name that wink-nlp reads as a verb is no copula', 'IS fighters killed 12 people.', 'says what something is', false],
      ['an auxiliary after a named entity is no copula', 'The axis of resistance is truly developing.', 'says what a named entity is', false],
      ['a capitalised wish word inside a name is no wish', 'The members gave 170 million won to Korea Relief Association Hope Bridge.', 'wish or hope', false],
      ['a wish word opening the sentence still is', 'Hope they gave it to the relief fund.', "wish or hope ('hope')", true],
      ['"We Hope" is still a wish', 'We Hope they gave it to the relief fund.', "wish or hope ('hope')", true],
      ['"I\'m" is no noun subject', "I'm stunned by the depth of information.", "says what I'm does", false],
      ['"going to" a place is a movement', 'The virus is going to other continents by plane.', 'prediction', false],
      ['"going to" + verb is a prediction', 'The virus is going to spread to other continents.', "prediction ('going to')", true],
    ])('%s', async (_name, comment, cue, fires) => {
      const { cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith(cue)), cues.join('; ')).toBe(fires);
    });

    it('an "i" inside a link is not the writer', async () => {
      const { label: got, cues } = await cuesOf('Russia delivered 12 jets to Iraq in 2015 https://t.co/srOD8R0M6I');
      expect(cues.some((c) => c.startsWith('about the writer')), cues.join('; ')).toBe(false);
      expect(got).toBe('sourced_claim');
    });

    it('a form of address before a statement is not a command', async () => {
      const { cues: addressed } = await cuesOf('Miss the US was training the Iraqi soldiers for a decade.');
      expect(addressed.some((c) => c.startsWith('imperative')), addressed.join('; ')).toBe(false);
      const { cues: command } = await cuesOf('Miss the point again, go ahead.');
      expect(command.some((c) => c.startsWith('imperative')), command.join('; ')).toBe(true);
    });

    it.each([
      ['you asked who wants to see the pictures.', 'asked'],
      ['Again you have not given any viable solution.', 'given'],
    ])("what the reader did in the conversation is no past event: '%s'", async (comment, word) => {
      const { label: got, cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith('past event')), cues.join('; ')).toBe(false);
      expect(cues).toContain(`what the reader did ('you … ${word}'), not a past event`);
      expect(got).toBe('not_claim');
    });

    it.each([
      ["someone else's event wins over the writer's", 'When I was growing up, the government gave food stamps to families in need.', 'gave'],
      ['what the writer read passes on a report', "From what I've heard, the colleges are full of foreign students.", 'heard'],
      ['a relative clause on a name', 'Obama who refused to apologize to the victims apologizes to Japan.', 'refused'],
      ['"that" after an adjective', 'It is true that Russia delivered 12 jets.', 'delivered'],
      ['"and" opening the sentence, with no clause before it', 'And killed 12 people in 2015.', 'killed'],
    ])('a past event in %s', async (_name, comment, word) => {
      const { cues } = await cuesOf(comment);
      expect(cues.some((c) => c.startsWith(`past event ('${word}')`)), cues.join('; ')).toBe(true);
    });

    it('"U.S." is not "u" (you)', async () => {
      for (const comment of ['U.S. forces left Iraq in 2011.', 'Iraq asked the U.S. to leave in 2020.']) {
        const { cues } = await cuesOf(comment);
        expect(cues.some((c) => c.includes("the reader ('you')")), `${comment}: ${cues.join('; ')}`).toBe(false);
      }
    });

    it('the writer or the reader as subject is not a statement about someone else', async () => {
      for (const comment of ['I saw them yesterday.', 'You let them into your country.', 'Your argument has no merit.']) {
        const { cues } = await cuesOf(comment);
        expect(cues.some((c) => c.startsWith('statement about someone')), `${comment}: ${cues.join('; ')}`).toBe(false);
      }
    });
  });

  describe('claims: attribution forms', () => {
    it.each([
      ['according to a named outlet', 'According to Reuters, Russia delivered 12 jets to Iraq in 2015.', 'named', 'Reuters'],
      ['a named person said', 'Vladimir Putin said Russia delivered 12 jets to Iraq in 2015.', 'named', 'Vladimir Putin'],
      ['a URL', 'Russia delivered 12 jets to Iraq in 2015, see https://example.org/jets', 'url', 'https://example.org/jets'],
      ['a quotation of the article itself', 'Wow “U.S. forces have withdrawn from eight Iraqi bases, with the last being Camp Taji.”', 'article', 'U.S. forces have withdrawn from eight Iraqi bases, with the last being Camp Taji.'],
      ['a quotation attributed to someone', '“Russia delivered 12 jets to Iraq in 2015,” Vladimir Putin said.', 'quote', 'Vladimir Putin'],
      ['a named source with an auxiliary and an adverb before the verb', 'Vladimir Putin has publicly stated Russia delivered 12 jets to Iraq in 2015.', 'named', 'Vladimir Putin'],
      ["what a named source published ('… statistics show')", "The FBI's own statistics show 12 jets were delivered to Iraq in 2015.", 'named', 'FBI'],
      ['a quotation by the person a pronoun refers to', 'She also said “Russia delivered 12 jets to Iraq in 2015.”', 'quote', 'She'],
      ["a named person's own documents", "Hillary Clinton's own emails show Russia delivered 12 jets to Iraq in 2015.", 'named', 'Hillary Clinton'],
      ['"As X put it"', 'As Vladimir Putin put it, Russia delivered 12 jets to Iraq in 2015.', 'named', 'Vladimir Putin'],
      ['a source before a colon', 'Reuters: Russia delivered 12 jets to Iraq in 2015.', 'named', 'Reuters'],
      ['an organisation in a lead-in before a colon', 'This was confirmed by the Pentagon: Russia delivered 12 jets to Iraq in 2015.', 'named', 'Pentagon'],
      ['"according to the" + capitalised words', 'Russia delivered 12 jets to Iraq in 2015, according to the Congressional Record.', 'named', 'Congressional Record'],
      ['a first word that is no dictionary word', 'Snopes says Russia delivered 12 jets to Iraq in 2015.', 'named', 'Snopes'],
      ['"my source is"', 'My source is Reuters, Russia delivered 12 jets to Iraq in 2015.', 'named', 'Reuters'],
      ['a court ruling', 'The Supreme Court ruled in 2015 that Russia delivered 12 jets to Iraq.', 'named', 'Supreme Court'],
      ['a pointer to a named source before the statement', 'Read the Constitution, Article II gives the president the power to veto.', 'named', 'Constitution'],
      ['a dash signature after the statement', 'Russia delivered 12 jets to Iraq in 2015 - Reuters', 'named', 'Reuters'],
      ['a citation in brackets', 'Russia delivered 12 jets to Iraq in 2015 (Reuters).', 'named', 'Reuters'],
      ['what the writer saw on a named outlet', 'I saw it on CNN, Russia delivered 12 jets to Iraq in 2015.', 'named', 'CNN'],
      ['"in the words of"', 'In the words of Vladimir Putin, Russia delivered 12 jets to Iraq in 2015.', 'named', 'Vladimir Putin'],
      ['a named source with an adverb before the verb', 'Vladimir Putin literally said that Russia delivered 12 jets to Iraq in 2015.', 'named', 'Vladimir Putin'],
      ["a part of a named document ('Article 5 of the NATO treaty says')", 'Article 5 of the NATO treaty says Russia delivered 12 jets to Iraq in 2015.', 'named', 'Article 5 of the NATO treaty'],
      ['a document that gives or requires', 'Article 1 Section 8 gives Congress, not the president, the power to declare war since 1789.', 'named', 'Article 1 Section 8'],
      ['a page of a named law', 'page 212 of the ACA requires employers with 50 workers to offer coverage.', 'named', 'page 212 of the ACA'],
      ['an office with whose office it is', "Israel's defense minister said they have killed 10,000 fighters so far.", 'named', "Israel's defense minister"],
      ['a sentence-initial name that is also a dictionary word', 'Kirby told reporters the US has shipped 31 tanks to Kyiv.', 'named', 'Kirby'],
      ['an outlet reporting in the progressive', 'WSJ is reporting that Boeing lost 355 million in 2023.', 'named', 'WSJ'],
      ['an outlet that ran a story', 'The NYT ran a story that 12 agents were sent home in 2012.', 'named', 'NYT'],
      ['what a named poll has', 'The latest Quinnipiac poll has Biden down 4 points in Pennsylvania.', 'named', 'Quinnipiac'],
      ['a place after a preposition is not the source', 'The Stanford study in Bangladesh found masks cut covid cases by 11 percent.', 'named', 'Stanford'],
      ['"via" + a lowercase name in brackets', 'Boeing delivered only 29 planes in March (via bloomberg)', 'named', 'bloomberg'],
      ['"h/t" + a name', 'The Pentagon failed its 6th straight audit h/t ZeroHedge', 'named', 'ZeroHedge'],
      ['"the article, it says" after a pointer', 'Read the article, it says the tax hike is only for people making over 400k.', 'article', 'the article'],
      ['"from the article:"', 'From the article: the company laid off 12,000 workers in March.', 'article', 'the article'],
      ['the headline named as the source', 'The headline literally says Biden unfroze 6 billion for Iran.', 'article', 'The headline'],
      ['the article named as the source', 'The article plainly says Russia delivered 12 jets to Iraq in 2015.', 'article', 'The article'],
      ['"according to the story"', 'According to the story, Russia delivered 12 jets to Iraq in 2015.', 'article', 'the story'],
      ['a chapter-and-verse citation', 'Deuteronomy 22:28 If a man meets a virgin, he shall pay her father fifty shekels of silver.', 'named', 'Deuteronomy 22:28'],
    ])('%s', async (_name, comment, kind, text) => {
      const [first] = await label(comment);
      expect(first!.label, first!.cues.join('; ')).toBe('sourced_claim');
      expect(first!.source).toMatchObject({ kind, text });
    });

    it.each([
      ['the thing said is no source', 'The polls say Russia delivered 12 jets to Iraq in 2015.'],
      ['a group is no source', 'The Jews say Russia delivered 12 jets to Iraq in 2015.'],
      ['a capitalised first word is no source', 'Studies show Russia delivered 12 jets to Iraq in 2015.'],
      ['a pronoun without a quotation is no source', 'She said Russia delivered 12 jets to Iraq in 2015.'],
      ['a country before a colon is the topic, not the source', 'Iraq: Russia delivered 12 jets there in 2015.'],
      ['a country in brackets is the topic, not the source', 'Russia delivered 12 jets to the army in 2015 (Iraq).'],
      ['a capitalised "States" inside a name is no reporting verb', 'In 2015 the Eastern States delivered 12 jets to Iraq.'],
      ['an office with no name of whose office it is', 'A wise Indian chief once said Russia delivered 12 jets to Iraq in 2015.'],
      ['what the writer read somewhere', 'i read somewhere that China owns 380,000 acres of US farmland'],
    ])('no named source: %s', async (_name, comment) => {
      const [first] = await label(comment);
      expect(first!.label, first!.cues.join('; ')).toBe('unsourced_claim');
      expect(first!.source).toBeNull();
    });

    it('a pointer to something unnamed ("read the article") names no source', async () => {
      const [first] = await label('Read the article, Russia delivered 12 jets to Iraq in 2015.');
      expect(first!.source).toBeNull();
    });

    it('a bare pointer with no statement after it is no sourced claim', async () => {
      const [first] = await label('See NFL');
      expect(first!.label).toBe('not_claim');
      expect(first!.cues.some((c) => c.startsWith('points to a source')), first!.cues.join('; ')).toBe(false);
    });

    it('a source named in the sentence before ("If Voltaire is right..") covers the claims after it', async () => {
      const labels = await label('If Voltaire is right..\n    Kadhimi was involved in the killing of Soleimani in 2020.');
      expect(labels.map((l) => l.label)).toEqual(['not_claim', 'sourced_claim']);
      expect(labels[1]!.source).toMatchObject({ kind: 'named', text: 'Voltaire' });
    });

    it.each([
      ["Here's what the BBC reported.", 'BBC', true],
      // That Obama said it in 2014 is checkable in itself: it may be a claim, but not one sourced by itself.
      ['Obama said it himself in 2014.', 'Obama', false],
      ['if Zelensky is telling the truth.', 'Zelensky', true],
      ['Here is a quote from Obama.', 'Obama', true],
      ['This is from the CDC website.', 'CDC', true],
      ['Straight from Reuters.', 'Reuters', true],
      ['Per the CBO.', 'CBO', true],
      ['Just saw this on Fox News.', 'Fox News', true],
      ['Reuters reported this morning.', 'Reuters', true],
    ])('a sentence introducing a source ("%s") covers the claim after it', async (intro, text, claimsNothing) => {
      const labels = await label(`${intro} Russia fired 120 missiles at Kyiv in 2022.`);
      expect(labels[0]!.source, labels[0]!.cues.join('; ')).toBeNull();
      if (claimsNothing) expect(labels[0]!.label, labels[0]!.cues.join('; ')).toBe('not_claim');
      expect(labels[1]!.label, labels[1]!.cues.join('; ')).toBe('sourced_claim');
      expect(labels[1]!.source).toMatchObject({ kind: 'named', text });
    });

    it.each([
      ['I heard this from my neighbor.'],
      ['Check out this link.'],
      ['via CNBC: Tesla is cutting 10 percent of its workforce.'],
    ])('"%s" introduces no named source for the next sentence', async (intro) => {
      const labels = await label(`${intro} Iran seized 2 tankers in the Gulf in 2023.`);
      expect(labels.at(-1)!.cues.some((c) => c.startsWith('source named in the previous sentence')), labels.at(-1)!.cues.join('; ')).toBe(false);
    });

    it('a quoted passage after "From the X website:" is sourced over the next sentences of the comment', async () => {
      const labels = await label('From the Harvard website: We follow two key principles. Aid at Harvard has been based entirely on need since 2004.');
      expect(labels[1]!.label, labels[1]!.cues.join('; ')).toBe('sourced_claim');
      expect(labels[1]!.source).toMatchObject({ kind: 'named', text: 'Harvard' });
    });

    it('the sentence form is read after a lead-in that only names the source', async () => {
      const [first] = await label('I will try again, From the Princeton website :"Princeton\'s no loan policy has made it possible for most students to graduate with no debt."');
      expect(first!.label, first!.cues.join('; ')).toBe('sourced_claim');
      expect(first!.source).toMatchObject({ kind: 'named', text: 'Princeton' });
      // "I will try again" is the writer talking, not the statement: neither a prediction nor about the writer.
      expect(first!.cues.some((c) => c.startsWith('prediction') || c.startsWith('about the writer')), first!.cues.join('; ')).toBe(false);
    });

    it('a slogan opening with a bare verb before a colon names no source', async () => {
      const [first] = await label('Vote Republican 2016: Because most people can outrun a glacier.');
      expect(first!.source).toBeNull();
      expect(first!.cues.some((c) => c.startsWith('names its source before a colon')), first!.cues.join('; ')).toBe(false);
    });

    it('"lets" inside a sentence is the verb, not a wish', async () => {
      const [first] = await label('Section 8 of the bill lets the DHS secretary close the border after 5000 crossings a day.');
      expect(first!.cues.some((c) => c.startsWith('wish')), first!.cues.join('; ')).toBe(false);
    });

    it.each([
      ['Source: CNN', 'named', 'CNN'],
      ['https://example.org/jets', 'url', 'https://example.org/jets'],
      ["Here's the link: https://example.org/jets", 'url', 'https://example.org/jets'],
      ['—Vladimir Putin', 'named', 'Vladimir Putin'],
    ])('a source line after a claim ("%s") sources the sentence above it', async (line, kind, text) => {
      const labels = await label(`Russia delivered 12 jets to Iraq in 2015.\n    ${line}`);
      expect(labels[0]!.label, labels[0]!.cues.join('; ')).toBe('sourced_claim');
      expect(labels[0]!.source).toMatchObject({ kind, text });
      expect(labels[0]!.cues.some((c) => c.startsWith('source named in the next sentence'))).toBe(true);
    });

    it('a source line does not reach into the previous comment', async () => {
      const page = `${ARTICLE}  1. reader says:\n\n    Russia delivered 12 jets to Iraq in 2015.\n\n  2. other says:\n\n    Source: CNN\n`;
      const claims = (await annotateText(page, PIPELINE)).get('claims')!;
      expect(claims[0]!.label).toBe('unsourced_claim');
    });

    it('a cited passage quoted over several sentences keeps its citation as the source', async () => {
      const labels = await label('Exodus 21:20 Anyone who beats their slave with a rod must be punished.\n    The slave owner paid 30 shekels in 2015.');
      expect(labels.map((l) => l.label)).toEqual(['sourced_claim', 'sourced_claim']);
      expect(labels[1]!.source).toMatchObject({ kind: 'named', text: 'Exodus 21:20' });
    });

    it('only comment sentences are labelled by default; "sections" adds the article', async () => {
      const page = `${ARTICLE}  1. reader says:\n\n    Russia delivered 12 jets.\n`;
      expect((await annotateText(page, PIPELINE)).get('claims')!.map((r) => r.comment)).toEqual([0]);
      const withBody = pipelineJson(weights, { sections: ['comment', 'body'] });
      expect((await annotateText(page, withBody)).get('claims')!.map((r) => r.comment)).toEqual([null, 0]);
    });
  });

  describe('claims: records', () => {
    it('carry label, comment, score in [0, 1], readable cues with weights, and the source span', async () => {
      const page = `${ARTICLE}  1. reader says:\n\n    According to Reuters, Russia delivered 12 jets.\n`;
      const [r] = (await annotateText(page, PIPELINE)).get('claims')!;
      expect(Object.keys(r!)).toEqual(['doc', 'start', 'end', 'text', 'label', 'comment', 'score', 'cues', 'source']);
      expect(r!.score).toBeGreaterThanOrEqual(0.5);
      expect(r!.score).toBeLessThanOrEqual(1);
      expect((r!.cues as string[]).some((c) => /^attributed \('according to Reuters'\) \+\d/.test(c)), (r!.cues as string[]).join('; ')).toBe(true);
      const source = r!.source as { start: number; end: number; text: string };
      expect(page.slice(source.start, source.end)).toBe(source.text);
    });
  });

  describe('claims: inverted attribution', () => {
    it('"…, said Vaughan." names its source after the verb', async () => {
      const [first] = await label('Mejia was released on bail in 2016, said Jessica Vaughan.');
      expect(first!.label, first!.cues.join('; ')).toBe('sourced_claim');
      expect(first!.source).toMatchObject({ kind: 'named', text: 'Jessica Vaughan' });
    });
  });
});
