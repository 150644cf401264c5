"""Gold quotes written for these tests from the conventions of :mod:`detente.quotes` (none from an article).

Each case is a short news text, the quotes it must yield and why. A gold quote gives its text as it stands
in the article (its offsets are found from it), its kind, its speaker's country (None: no identifiable
speaker) and, where the case is about them, the cue, the addressee's country and a word of the reporter's
mention. ``strict`` cases must come out exactly so; the others (listed with the reason they fail) only count
in the precision/recall figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GoldQuote:
    text: str
    kind: str
    country: str | None
    cue: str | None = None
    addressee: str | None = None  # the addressee's country
    reported_by: str | None = None  # a word of the reporter's mention
    speaker: str | None = None  # the words naming the speaker (at the cue, or the name it resolves to)
    speaker_type: str | None = None  # the speaker's type, where the case is about it (records.SPEAKER_TYPES)


#: ``country`` of a gold quote whose speaker is checked by ``speaker`` (its words) rather than by country.
ANY = "*"


@dataclass(frozen=True)
class GoldCase:
    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    why: str
    strict: bool = True
    tags: tuple[str, ...] = field(default_factory=tuple)
    written: str = "before"  # "before" or "after" the rules it tests were written


CASES = [
    GoldCase(
        "curly-direct-told",
        "“We will respond to any provocation with force,” Russian Foreign Minister Sergei Lavrov told "
        "reporters in Moscow on Monday.",
        (GoldQuote("We will respond to any provocation with force", "direct", "RUS", cue="told"),),
        "curly marks; the attribution follows the quotation",
    ),
    GoldCase(
        "straight-direct-inverted",
        '"The talks were frank and constructive," said the Japanese foreign minister after meeting her South '
        "Korean counterpart in Seoul.",
        (GoldQuote("The talks were frank and constructive", "direct", "JPN", cue="said"),),
        "straight marks; 'said X' with the subject after the verb",
    ),
    GoldCase(
        "colon-before",
        'Russian President Vladimir Putin addressed the nation on Friday. He said: "Russia will defend its '
        'people by all available means."',
        (GoldQuote("Russia will defend its people by all available means.", "direct", "RUS", cue="said"),),
        "attribution before the quotation; 'he' is the last person named",
    ),
    GoldCase(
        "split-by-attribution",
        'Kenyan President William Ruto arrived in Addis Ababa on Sunday. "We have agreed to reopen the '
        'border," he said, "and trade will resume next month."',
        (
            GoldQuote("We have agreed to reopen the border", "direct", "KEN", cue="said"),
            GoldQuote("and trade will resume next month.", "direct", "KEN", cue="said"),
        ),
        "a quotation split by its attribution gives two quotes with the same speaker and cue",
    ),
    GoldCase(
        "split-new-sentence",
        "Israeli Prime Minister Benjamin Netanyahu spoke on Saturday. “We will not stop until we achieve all "
        "our goals,” Netanyahu said in a televised address. “Victory is within reach.”",
        (
            GoldQuote("We will not stop until we achieve all our goals", "direct", "ISR", cue="said"),
            GoldQuote("Victory is within reach.", "direct", "ISR", cue="said"),
        ),
        "the second half is a sentence of its own right after the attribution",
    ),
    GoldCase(
        "multi-paragraph",
        "French President Emmanuel Macron spoke to reporters after the summit in "
        "Brussels.\n\n“Europe must be "
        "able to defend itself. We cannot depend on others for our security.\n\n“This is why "
        "we will raise our "
        "defence budget every year until 2030,” Macron said.",
        (
            GoldQuote(
                "Europe must be able to defend itself. We cannot depend on others for our security.",
                "direct",
                "FRA",
                cue="said",
            ),
            GoldQuote("This is why we will raise our defence budget every year until 2030", "direct", "FRA"),
        ),
        "a paragraph left open and reopened continues the quotation; the attribution is in its last part",
    ),
    GoldCase(
        "quote-paragraph-continues",
        "Mexican President Andrés Manuel López Obrador spoke in Mexico City on Monday. “It is a question of "
        "dignity,” López Obrador told reporters.\n\n“Mexico will never pay for this wall.”",
        (
            GoldQuote("It is a question of dignity", "direct", "MEX", cue="told"),
            GoldQuote("Mexico will never pay for this wall.", "direct", "MEX"),
        ),
        "a paragraph that is only a quotation continues the speaker of the paragraph before",
    ),
    GoldCase(
        "single-marks",
        "'We will not give up an inch of our land,' the Armenian prime minister told parliament in Yerevan.",
        (GoldQuote("We will not give up an inch of our land", "direct", "ARM", cue="told"),),
        "British single marks",
    ),
    GoldCase(
        "mixed-object",
        'Ukrainian President Volodymyr Zelensky called the strike on Odesa "a deliberate act '
        "of terror against "
        'civilians."',
        (GoldQuote("a deliberate act of terror against civilians.", "mixed", "UKR", cue="called"),),
        "the quoted words are the object's description inside the narrator's clause",
    ),
    GoldCase(
        "mixed-predicate",
        'The Polish foreign minister "strongly condemned the violation of Polish airspace" by Belarusian '
        "helicopters on Tuesday.",
        (GoldQuote("strongly condemned the violation of Polish airspace", "mixed", "POL"),),
        "subject outside, verb of saying inside the marks: the subject is the speaker",
    ),
    GoldCase(
        "mixed-in-that-clause",
        'Indonesian President Joko Widodo said that the summit would "open a new chapter in '
        "relations between "
        'our nations."',
        (
            GoldQuote(
                'the summit would "open a new chapter in relations between our nations."',
                "mixed",
                "IDN",
                cue="said",
            ),
        ),
        "the clause's subject ('the summit') is not the speaker: its verb is no verb of saying",
    ),
    GoldCase(
        "mixed-not-a-speaker",
        'Russia "will pay a heavy price for this crime," the Ukrainian foreign minister said on Sunday.',
        (GoldQuote('Russia "will pay a heavy price for this crime,"', "mixed", "UKR", cue="said"),),
        "the subject before the marks is what the speaker talks about, not who speaks",
    ),
    GoldCase(
        "indirect-that",
        "Turkish Foreign Minister Hakan Fidan stressed that Ankara would not accept any deal that ignored "
        "Turkish interests.",
        (
            GoldQuote(
                "Ankara would not accept any deal that ignored Turkish interests",
                "indirect",
                "TUR",
                cue="stressed",
            ),
        ),
        "reported speech after a speech verb and 'that'",
    ),
    GoldCase(
        "indirect-told-that",
        "The Indian prime minister told his Pakistani counterpart that India wanted lasting "
        "peace on the border.",
        (
            GoldQuote(
                "India wanted lasting peace on the border", "indirect", "IND", cue="told", addressee="PAK"
            ),
        ),
        "'told X that': X is the addressee",
    ),
    GoldCase(
        "indirect-no-that",
        "Brazil said the negotiations with Argentina had collapsed over steel tariffs.",
        (GoldQuote("the negotiations with Argentina had collapsed over steel tariffs", "indirect", "BRA"),),
        "reported speech without 'that'",
    ),
    GoldCase(
        "indirect-clause-first",
        "The ceasefire in southern Lebanon is holding, the Lebanese prime minister said on Thursday.",
        (GoldQuote("The ceasefire in southern Lebanon is holding", "indirect", "LBN", cue="said"),),
        "the reported clause before its attribution, without marks",
    ),
    GoldCase(
        "indirect-in-a-statement",
        "The Kremlin said in a statement that Russia would retaliate against the new European sanctions.",
        (
            GoldQuote(
                "Russia would retaliate against the new European sanctions", "indirect", "RUS", cue="said"
            ),
        ),
        "'said in a statement that': the clause hangs from the statement in the parse",
    ),
    GoldCase(
        "according-to-first",
        "According to the Iranian foreign ministry, the nuclear talks in Vienna will resume next week.",
        (
            GoldQuote(
                "the nuclear talks in Vienna will resume next week", "indirect", "IRN", cue="according to"
            ),
        ),
        "'according to X, ...'",
    ),
    GoldCase(
        "according-to-last",
        "Germany will station a brigade in Lithuania, according to Chancellor Olaf Scholz.",
        (GoldQuote("Germany will station a brigade in Lithuania", "indirect", "DEU", cue="according to"),),
        "'..., according to X'",
    ),
    GoldCase(
        "according-to-direct",
        "According to Colombian President Gustavo Petro, “the war on drugs has failed.”",
        (GoldQuote("the war on drugs has failed.", "direct", "COL", cue="according to"),),
        "'according to' attributes a quotation too",
    ),
    GoldCase(
        "institution-statement-direct",
        "“The United States remains committed to the defence of the Philippines,” a State Department "
        "statement said on Friday.",
        (
            GoldQuote(
                "The United States remains committed to the defence of the Philippines", "direct", "USA"
            ),
        ),
        "a ministry's statement speaks for the government",
    ),
    GoldCase(
        "institution-ministry-indirect",
        "The Chinese Foreign Ministry said Beijing firmly opposed any arms sales to Taiwan.",
        (GoldQuote("Beijing firmly opposed any arms sales to Taiwan", "indirect", "CHN", cue="said"),),
        "a ministry speaks for its government",
    ),
    GoldCase(
        "statement-from-capital",
        "“Our sovereignty is not negotiable,” said the statement from Caracas.",
        (GoldQuote("Our sovereignty is not negotiable", "direct", "VEN", cue="said"),),
        "'the statement from X': the statement speaks for its issuer",
    ),
    GoldCase(
        "statement-anaphora",
        'The Japanese defence ministry issued a statement on Sunday. "Chinese warships '
        "entered our territorial "
        'waters twice this week," the statement said.',
        (GoldQuote("Chinese warships entered our territorial waters twice this week", "direct", "JPN"),),
        "'the statement' is the one the ministry issued",
    ),
    GoldCase(
        "spokesman-for",
        '"Our patience has limits," said a spokesman for the Iranian foreign ministry.',
        (GoldQuote("Our patience has limits", "direct", "IRN", cue="said"),),
        "a spokesman speaks for the body he speaks for",
    ),
    GoldCase(
        "title-anaphor",
        'Egyptian Foreign Minister Sameh Shoukry met Israeli officials in Cairo. "A ceasefire '
        "is the only way "
        'forward," the minister said after the talks.',
        (GoldQuote("A ceasefire is the only way forward", "direct", "EGY", cue="said"),),
        "'the minister' is the minister named before",
    ),
    GoldCase(
        "surname-alias-addressee",
        "South African President Cyril Ramaphosa visited Moscow in June. “This war must end through "
        "negotiations,” Ramaphosa told Russian President Vladimir Putin.",
        (GoldQuote("This war must end through negotiations", "direct", "ZAF", cue="told", addressee="RUS"),),
        "a surname alone is the person named in full before; 'told X' names the addressee",
    ),
    GoldCase(
        "said-to-addressee",
        '"We stand with you," the German chancellor said to Ukrainian soldiers in Kyiv.',
        (GoldQuote("We stand with you", "direct", "DEU", cue="said", addressee="UKR"),),
        "'said to X' names the addressee",
    ),
    GoldCase(
        "reporting-chain-spokesman",
        'Secretary of State Antony Blinken spoke of "an extraordinary opportunity for peace," State '
        "Department spokesman Matthew Miller said.",
        (
            GoldQuote(
                "an extraordinary opportunity for peace",
                "direct",
                "USA",
                cue="spoke of",
                reported_by="Miller",
            ),
        ),
        "a spokesman relays the principal's words: speaker the principal, reported by the spokesman",
    ),
    GoldCase(
        "reporting-chain-ministry",
        "“Both sides should exercise restraint,” Chinese Premier Li Qiang told the Japanese prime minister, "
        "the Chinese Foreign Ministry said.",
        (
            GoldQuote(
                "Both sides should exercise restraint",
                "direct",
                "CHN",
                cue="told",
                addressee="JPN",
                reported_by="Ministry",
            ),
        ),
        "the ministry relays what the premier told his counterpart",
    ),
    GoldCase(
        "headline-skipped",
        '"We will never surrender"\n\nArmenian Prime Minister Nikol Pashinyan spoke in '
        'Yerevan on Tuesday. "We '
        'will never surrender our land," he told parliament.',
        (GoldQuote("We will never surrender our land", "direct", "ARM", cue="told"),),
        "quotation marks in a headline are not a quote by the story's people",
    ),
    GoldCase(
        "scare-quotes",
        'Relations between Seoul and Tokyo have entered a "new era" this year.',
        (),
        "one or two words in marks run into the sentence are scare quotes",
    ),
    GoldCase(
        "scare-quote-inside-reported-speech",
        'The Israeli army said it had struck a "terrorist" compound near Gaza City.',
        (GoldQuote('it had struck a "terrorist" compound near Gaza City', "indirect", "ISR", cue="said"),),
        "the scare quote is no quote, the reported clause around it is",
    ),
    GoldCase(
        "names-are-not-quotes",
        'The so-called "special military operation" has now lasted more than two years.',
        (),
        "'so-called' introduces a name",
    ),
    GoldCase(
        "title-of-a-work",
        'The film "All Quiet on the Western Front" won four awards in Berlin.',
        (),
        "the title of a film is no quotation",
    ),
    GoldCase(
        "title-case-names",
        'Italy withdrew from the "Belt and Road Initiative" in December, the Italian foreign minister '
        "confirmed.",
        (GoldQuote('Italy withdrew from the "Belt and Road Initiative" in December', "indirect", "ITA"),),
        "capitalized words in marks without closing punctuation are a name, not a quotation",
    ),
    GoldCase(
        "no-speaker-unattributed",
        "Protesters gathered outside the parliament in Tbilisi on Saturday.\n\n“This law is a "
        "betrayal of our "
        "European future.”",
        (GoldQuote("This law is a betrayal of our European future.", "direct", None),),
        "a quotation with nothing to say who said it is kept without a speaker",
    ),
    GoldCase(
        "no-speaker-anonymous",
        '"It is too early to say whether the ceasefire will hold," a senior Western diplomat said.',
        (GoldQuote("It is too early to say whether the ceasefire will hold", "direct", None, cue="said"),),
        "an anonymous diplomat of no named country is no identifiable actor",
    ),
    GoldCase(
        "no-actor-no-reported-speech",
        "Analysts said the move could raise tensions in the region.",
        (GoldQuote("the move could raise tensions in the region", "indirect", None, speaker="Analysts"),),
        "a group the tables do not know is still who spoke (issue 10 changed this case: it was 'no quote')",
    ),
    GoldCase(
        "thought-is-not-speech",
        "Moscow believes that NATO is preparing for war.",
        (GoldQuote("NATO is preparing for war", "indirect", "RUS", cue="believes"),),
        "a cognition-report verb with an actor as subject is an attribution (issue 10 changed this case: it "
        "was 'no quote')",
    ),
    GoldCase(
        "negated-cue",
        "The Saudi foreign minister did not say that the kingdom would normalize relations with Israel.",
        (),
        "a negated cue reports nothing",
    ),
    GoldCase(
        "subject-between-quote-and-cue",
        "“Inspectors must return to the site without delay,” the head of the UN nuclear watchdog, Rafael "
        "Grossi, told reporters in Vienna.",
        (GoldQuote("Inspectors must return to the site without delay", "direct", "IGO", cue="told"),),
        "the speaker's phrase between the closing mark and the cue, whatever the parse hangs it on",
    ),
    GoldCase(
        "one-word-utterance",
        '"No," the Hungarian prime minister said when asked whether Budapest would lift its veto.',
        (GoldQuote("No", "direct", "HUN", cue="said"),),
        "a single word set off and attributed is a whole utterance, not a scare quote",
    ),
    GoldCase(
        "two-words-after-a-cue",
        'Seoul vowed to respond "in kind" to any provocation, the South Korean defence minister said.',
        (GoldQuote('Seoul vowed to respond "in kind" to any provocation', "indirect", "KOR", cue="said"),),
        "two words run into the sentence are scare quotes even right after a verb; the clause is reported",
    ),
    GoldCase(
        "cue-conjoined-after-reported-clause",
        "Venezuelan Foreign Minister Yván Gil said that Guyana would regret its decision and warned the "
        'United States against "meddling in a dispute between neighbours."',
        (
            GoldQuote("Guyana would regret its decision", "indirect", "VEN", cue="said"),
            GoldQuote(
                "meddling in a dispute between neighbours.", "mixed", "VEN", cue="warned", addressee="USA"
            ),
        ),
        "'warned' is the minister's, not Guyana's: a past tense after 'would' leaves the reported clause",
    ),
    GoldCase(
        "while-is-no-reporting-chain",
        "Armenia accused Azerbaijan of shelling a village, while Baku said its troops had only returned "
        "fire.",
        (
            GoldQuote("shelling a village", "indirect", "ARM", cue="accused"),
            GoldQuote("its troops had only returned fire", "indirect", "AZE", cue="said"),
        ),
        "a cue in an adverbial clause is not reported by the main clause's speaker; 'accused X of ...' "
        "reports the charge (issue 10 added that quote)",
    ),
    GoldCase(
        "quoted-as-saying",
        "Kremlin spokesman Dmitry Peskov was quoted as saying that Moscow saw no basis for talks with Kyiv.",
        (GoldQuote("Moscow saw no basis for talks with Kyiv", "indirect", "RUS"),),
        "'was quoted as saying': the subject of the passive is the speaker",
    ),
    GoldCase(
        "institution-pronoun",
        "The Russian Foreign Ministry summoned the US ambassador on Monday. It said the new sanctions were "
        '"a hostile act that will not go unanswered."',
        (
            GoldQuote(
                'the new sanctions were "a hostile act that will not go unanswered."',
                "mixed",
                "RUS",
                cue="said",
            ),
        ),
        "'it' is the ministry of the sentence before",
    ),
    GoldCase(
        "adding-that-mixed",
        "“The door to diplomacy remains open,” the Iranian foreign minister said in an interview, adding "
        "that Tehran was “ready to return to the nuclear deal if the other side does.”",
        (
            GoldQuote("The door to diplomacy remains open", "direct", "IRN", cue="said"),
            GoldQuote(
                "Tehran was “ready to return to the nuclear deal if the other side does.”",
                "mixed",
                "IRN",
                cue="adding",
            ),
        ),
        "'adding that' shares the subject of the verb it hangs from",
    ),
    GoldCase(
        "chain-through-conjoined-cue",
        "The White House said President Joe Biden had spoken with Israeli Prime Minister Benjamin Netanyahu "
        "and told him that the United States would keep supplying air defence systems.",
        (
            GoldQuote(
                "President Joe Biden had spoken with Israeli Prime Minister Benjamin Netanyahu and told him "
                "that the United States would keep supplying air defence systems",
                "indirect",
                "USA",
                cue="said",
            ),
            GoldQuote(
                "the United States would keep supplying air defence systems",
                "indirect",
                "USA",
                cue="told",
                addressee="ISR",
                reported_by="White House",
            ),
        ),
        "what the White House says (all of it), and within it what Biden told Netanyahu, relayed by the "
        "White House",
    ),
    GoldCase(
        "state-media",
        "North Korean leader Kim Jong Un vowed to bolster his country's nuclear forces, state media KCNA "
        "said on Sunday.",
        (
            GoldQuote(
                "North Korean leader Kim Jong Un vowed to bolster his country's nuclear forces",
                "indirect",
                "PRK",
            ),
        ),
        "state media report a leader's vow: the report is theirs",
    ),
    GoldCase(
        "in-the-words-of",
        'In the words of Chinese President Xi Jinping, "the Pacific Ocean is big enough for both China and '
        'the United States."',
        (
            GoldQuote(
                "the Pacific Ocean is big enough for both China and the United States.",
                "direct",
                "CHN",
                cue="in the words of",
            ),
        ),
        "a cue phrase whose object is the speaker",
    ),
    GoldCase(
        "colon-ends-the-paragraph-before",
        "The Brazilian president told reporters in Brasília:\n\n“We will not send weapons to either side of "
        "this war.”",
        (GoldQuote("We will not send weapons to either side of this war.", "direct", "BRA", cue="told"),),
        "an attribution ending in a colon introduces the quotation of the next paragraph",
    ),
    GoldCase(
        "according-to-after-quote",
        '"The door remains open to dialogue," according to the Iranian foreign ministry.',
        (GoldQuote("The door remains open to dialogue", "direct", "IRN", cue="according to"),),
        "'according to X' after the quotation",
    ),
    GoldCase(
        "spokeswoman-anaphor",
        'Chinese Foreign Ministry spokeswoman Mao Ning criticized the visit on Monday. "The '
        "United States should "
        'stop sending wrong signals to Taiwan independence forces," the spokeswoman said.',
        (
            GoldQuote(
                "The United States should stop sending wrong signals to Taiwan independence forces",
                "direct",
                "CHN",
                cue="said",
            ),
        ),
        "'the spokeswoman' is the Chinese spokeswoman named before (the resolver remembers Mao Ning by her "
        "first title only, 'Foreign Ministry', and lends the bare title the country of Taiwan in the "
        "quotation)",
    ),
    GoldCase(
        "institution-principal",
        "The Kremlin published a readout of the call. “Vladimir Putin stressed that Russia remained open to "
        "dialogue on an equal footing,” the readout said.",
        (
            GoldQuote(
                "Vladimir Putin stressed that Russia remained open to dialogue on an equal footing",
                "direct",
                "RUS",
                reported_by="readout",
            ),
        ),
        "a readout that reports its principal in the third person relays the principal's words",
    ),
    # -- written after the rules above, and kept whatever they gave ------------------------------------
    GoldCase(
        "pair-of-speakers",
        "Saudi Foreign Minister Prince Faisal bin Farhan met his Iranian counterpart in Riyadh on Saturday. "
        'Both ministers said the meeting had been "positive and constructive," according to a '
        "joint statement.",
        (GoldQuote("positive and constructive", "mixed", "SAU", cue="said"),),
        "'both ministers': the two named before speak together (the first is scored)",
        strict=False,  # the resolver does not know Prince Faisal bin Farhan, so 'both ministers' names no one
    ),
    GoldCase(
        "added-that-mixed",
        '"We have not received any request from Kyiv," Hungarian Prime Minister Viktor Orban said. He added '
        'that Hungary "will never send weapons to Ukraine."',
        (
            GoldQuote("We have not received any request from Kyiv", "direct", "HUN", cue="said"),
            GoldQuote('Hungary "will never send weapons to Ukraine."', "mixed", "HUN", cue="added"),
        ),
        "a pronoun speaker in the next sentence; a quoted predicate inside 'added that'",
    ),
    GoldCase(
        "in-a-statement-it-said",
        "Kenya's foreign ministry rejected the accusations. In a statement on Tuesday, it said the claims by "
        'Somalia were "baseless and malicious."',
        (GoldQuote('the claims by Somalia were "baseless and malicious."', "mixed", "KEN", cue="said"),),
        "'it' is the ministry; the claims' author (Somalia) is not the speaker",
    ),
    GoldCase(
        "scare-quotes-inside-that-clause",
        'The Australian prime minister, Anthony Albanese, said on Friday that Canberra would "stand firm" '
        "against economic coercion from Beijing.",
        (
            GoldQuote(
                'Canberra would "stand firm" against economic coercion from Beijing',
                "indirect",
                "AUS",
                cue="said",
            ),
        ),
        "two quoted words inside reported speech: the reported clause is the quote",
    ),
    GoldCase(
        "asked-whether-then-said",
        "Asked whether Seoul would supply arms to Ukraine, South Korean President Yoon Suk Yeol said his "
        'government was "not considering" it.',
        (GoldQuote('his government was "not considering" it', "indirect", "KOR", cue="said"),),
        "the question put to the president is not his statement",
    ),
    GoldCase(
        "spokesman-country-from-context",
        'The Nigerian army said it had killed 30 militants in Borno state. "Our troops will '
        "not rest until the "
        'region is safe," army spokesman Onyema Nwachukwu told journalists.',
        (
            GoldQuote("it had killed 30 militants in Borno state", "indirect", "NGA", cue="said"),
            GoldQuote("Our troops will not rest until the region is safe", "direct", "NGA", cue="told"),
        ),
        "'army spokesman' is the spokesman of the army named in the sentence before",
        strict=False,  # the resolver gives 'army spokesman Onyema Nwachukwu' the sector MIL without a country
    ),
    GoldCase(
        "warning-that",
        '"There can be no military solution," the UN envoy said, warning that the fighting in '
        "Sudan could spread "
        "to neighbouring countries.",
        (
            GoldQuote("There can be no military solution", "direct", "IGO", cue="said"),
            GoldQuote("the fighting in Sudan could spread to neighbouring countries", "indirect", "IGO"),
        ),
        "'warning that' shares the speaker of 'said'",
    ),
    GoldCase(
        "told-parliament-mixed",
        "Finland's president told parliament on Wednesday that joining NATO had made the "
        'country "safer than at '
        'any time in its history."',
        (
            GoldQuote(
                'joining NATO had made the country "safer than at any time in its history."',
                "mixed",
                "FIN",
                cue="told",
            ),
        ),
        "a quoted fragment at the end of a that-clause",
    ),
    GoldCase(
        "multi-paragraph-straight",
        'Polish President Andrzej Duda addressed parliament in Warsaw on Thursday.\n\n"Poland will not be '
        'intimidated by threats from Minsk or Moscow.\n\n"We will defend every centimetre of our border," '
        "Duda said.",
        (
            GoldQuote(
                "Poland will not be intimidated by threats from Minsk or Moscow.", "direct", "POL", cue="said"
            ),
            GoldQuote("We will defend every centimetre of our border", "direct", "POL", cue="said"),
        ),
        "straight marks over paragraphs: the open mark of the next paragraph continues the quotation",
    ),
    GoldCase(
        "inverted-with-apposition",
        "\"The ball is now in Washington's court,\" said Ri Son Gwon, North Korea's foreign minister, in a "
        "statement carried by state media.",
        (GoldQuote("The ball is now in Washington's court", "direct", "PRK", cue="said"),),
        "the subject after the verb, with its title in apposition",
    ),
]

# -- attribution for everyone --------------------------------------------------------------------------------
# Cases written from the conventions of who-said-it for every speaker (journalists, staff, lawmakers,
# analysts, outlets, documents, groups), reported clauses with and without "that" after any speech or
# cognition-report cue, mixed quotes as whole reported clauses, several speakers per paragraph, quotations
# continued over paragraphs. Written before the rules that serve them; speakers are checked by their words
# (``speaker``), not by country: most of these people are in no actor table. Conventions: an indirect quote
# is the complement (without "that", without final punctuation); a mixed quote is the whole reported clause,
# its marks included.


def _q(
    text: str,
    kind: str,
    speaker: str | None,
    type: str | None = None,
    reported_by: str | None = None,
) -> GoldQuote:
    return GoldQuote(text, kind, ANY, speaker=speaker, speaker_type=type, reported_by=reported_by)


def _case(name: str, text: str, quotes: tuple[GoldQuote, ...], why: str, family: str) -> GoldCase:
    return GoldCase(name, text, quotes, why, strict=False, tags=("attribution", family))


ATTRIBUTION_CASES = [
    # -- people no table knows ------------------------------------------------------------------------------
    _case(
        "person-surname-said",
        'Campaign manager Rita Hendricks spent the morning on the phone with donors. "We are not worried '
        "about "
        'the polls," Hendricks said.',
        (_q("We are not worried about the polls", "direct", "Hendricks"),),
        "a surname alone names the person introduced before",
        "person",
    ),
    _case(
        "person-apposition-economist",
        '"Inflation will stay above target for at least two more years," Ana Ruiz, an economist at a Madrid '
        "bank, said on Tuesday.",
        (_q("Inflation will stay above target for at least two more years", "direct", "Ana Ruiz"),),
        "a named person with an apposition",
        "person",
    ),
    _case(
        "person-title-senator",
        'Sen. Ada Brooks, a Democrat from Ohio, said the bill was "dead on arrival" in the Senate. "Nobody '
        "on "
        'our side will vote for this," she told reporters.',
        (
            _q('the bill was "dead on arrival" in the Senate', "mixed", "Ada Brooks"),
            _q("Nobody on our side will vote for this", "direct", "Ada Brooks"),
        ),
        "a lawmaker with title and apposition; 'she' is the same lawmaker",
        "person",
    ),
    _case(
        "person-anchor",
        'The anchor pressed the governor on the budget gap. "You promised no new taxes," the anchor '
        "insisted.",
        (_q("You promised no new taxes", "direct", "the anchor"),),
        "a role noun is a speaker",
        "person",
    ),
    _case(
        "person-inverted-unknown",
        '"This race is far from over," said Marcus Bell, a spokesman for the Whitfield campaign.',
        (_q("This race is far from over", "direct", "Marcus Bell"),),
        "inverted subject, unknown spokesman",
        "person",
    ),
    _case(
        "person-pronoun-later",
        "Representative Tom Galloway of Texas voted against the package. He said it would add billions to "
        "the "
        'deficit. "It is a spending spree," Galloway added.',
        (
            _q("it would add billions to the deficit", "indirect", "Tom Galloway"),
            _q("It is a spending spree", "direct", "Galloway"),
        ),
        "'he' and the surname resolve to the representative",
        "person",
    ),
    _case(
        "person-professor",
        'Lena Fischer, who teaches political science at Georgetown University, said: "Voters punish '
        'incumbents when prices rise. That is the whole story of this election."',
        (
            _q(
                "Voters punish incumbents when prices rise. That is the whole story of this election.",
                "direct",
                "Lena Fischer",
            ),
        ),
        "a relative clause belongs to the person; colon before the quotation",
        "person",
    ),
    _case(
        "person-reporter-wrote",
        'In a column on Sunday, reporter Dana Whitlock wrote that the White House "has lost control of the '
        'message."',
        (_q('the White House "has lost control of the message."', "mixed", "Dana Whitlock"),),
        "'wrote' with a mixed that-clause",
        "person",
    ),
    _case(
        "person-aide-told",
        '"The governor will sign it next week," an aide to Governor Paul Kemper told The Associated Press.',
        (_q("The governor will sign it next week", "direct", "an aide"),),
        "an unnamed aide is still who spoke",
        "person",
    ),
    _case(
        "person-strategist-tweeted",
        'Republican strategist Mike Dorsey tweeted that the debate was "a disaster for the party."',
        (_q('the debate was "a disaster for the party."', "mixed", "Mike Dorsey"),),
        "'tweeted' is a speech cue",
        "person",
    ),
    _case(
        "person-two-paragraphs",
        'Mayor Carla Nunez met residents in the flooded district.\n\n"We will rebuild every home," Nunez '
        "said. "
        '"Nobody will be left behind."\n\nShe said the city would ask Washington for emergency funds.',
        (
            _q("We will rebuild every home", "direct", "Nunez"),
            _q("Nobody will be left behind.", "direct", "Nunez"),
            _q("the city would ask Washington for emergency funds", "indirect", "Carla Nunez"),
        ),
        "a mayor of no table; the pronoun in the next paragraph",
        "person",
    ),
    _case(
        "person-voter",
        'Outside the polling station, retired teacher Joan Avery said she had voted for the incumbent. "He '
        "kept "
        'his promises," Avery said.',
        (
            _q("she had voted for the incumbent", "indirect", "Joan Avery"),
            _q("He kept his promises", "direct", "Avery"),
        ),
        "an ordinary voter",
        "person",
    ),
    _case(
        "person-lawyer-argued",
        "Defense attorney Robert Kline argued that the indictment rested on a single unreliable witness.",
        (_q("the indictment rested on a single unreliable witness", "indirect", "Robert Kline"),),
        "'argued that'",
        "person",
    ),
    _case(
        "person-press-secretary",
        'White House press secretary Jenna Cole told reporters the president "has full confidence" in his '
        "chief of staff.",
        (_q('the president "has full confidence" in his chief of staff', "mixed", "Jenna Cole"),),
        "a mixed clause without 'that' after 'told reporters'",
        "person",
    ),
    # -- organizations, outlets and documents ---------------------------------------------------------------
    _case(
        "outlet-times-wrote",
        "The Times wrote that the administration had ignored repeated warnings from its own inspectors.",
        (
            _q(
                "the administration had ignored repeated warnings from its own inspectors",
                "indirect",
                "The Times",
            ),
        ),
        "an outlet is a speaker",
        "media",
    ),
    _case(
        "outlet-daily-said",
        'The paper has backed the mayor for a decade. "The city deserves better," the daily said in an '
        "editorial on Monday.",
        (_q("The city deserves better", "direct", "the daily"),),
        "a newspaper referred to as 'the daily'",
        "media",
    ),
    _case(
        "outlet-reported",
        "The Washington Post reported on Friday that the FBI had opened an inquiry into the donations.",
        (_q("the FBI had opened an inquiry into the donations", "indirect", "The Washington Post"),),
        "'reported that' with an outlet",
        "media",
    ),
    _case(
        "document-report-said",
        "The report said the agency had spent $4 million on consultants without any competitive bidding.",
        (
            _q(
                "the agency had spent $4 million on consultants without any competitive bidding",
                "indirect",
                "The report",
            ),
        ),
        "a document speaks",
        "document",
    ),
    _case(
        "document-according-to",
        "According to the documents, the company paid the senator's brother $200,000 in consulting fees.",
        (
            _q(
                "the company paid the senator's brother $200,000 in consulting fees",
                "indirect",
                "the documents",
            ),
        ),
        "'according to' a document",
        "document",
    ),
    _case(
        "document-statement-quote",
        '"We take these allegations seriously and are cooperating fully," a statement from the company said.',
        (_q("We take these allegations seriously and are cooperating fully", "direct", "a statement"),),
        "a statement of an organization no table knows",
        "document",
    ),
    _case(
        "document-cables",
        "The leaked cables show that diplomats warned of the collapse months in advance.",
        (_q("diplomats warned of the collapse months in advance", "indirect", "The leaked cables"),),
        "'show that' after a document",
        "document",
    ),
    _case(
        "org-company-announced",
        "Nexora Systems announced it was opening an office in Austin next year.",
        (_q("it was opening an office in Austin next year", "indirect", "Nexora Systems"),),
        "'announced' without 'that'",
        "organization",
    ),
    _case(
        "org-union-said",
        'The teachers union said the proposal was "an insult to every educator in this state."',
        (_q('the proposal was "an insult to every educator in this state."', "mixed", "The teachers union"),),
        "an organization; a mixed clause",
        "organization",
    ),
    _case(
        "org-committee-statement",
        "In a statement, the Democratic National Committee said the ad was false and demanded that it be "
        "taken "
        "down.",
        (_q("the ad was false", "indirect", "the Democratic National Committee"),),
        "'said in a statement' with an organization",
        "organization",
    ),
    _case(
        "org-campaign-denied",
        "The Whitfield campaign denied that it had coordinated with the super PAC.",
        (_q("it had coordinated with the super PAC", "indirect", "The Whitfield campaign"),),
        "'denied that'",
        "organization",
    ),
    _case(
        "org-poll-found",
        "A Quinnipiac poll released Wednesday found that 52 percent of voters disapprove of the governor.",
        (_q("52 percent of voters disapprove of the governor", "indirect", "A Quinnipiac poll"),),
        "a poll is a document that reports",
        "document",
    ),
    # -- groups -------------------------------------------------------------------------------------------
    _case(
        "group-analysts",
        "Analysts said the rate cut was likely to come in September.",
        (_q("the rate cut was likely to come in September", "indirect", "Analysts"),),
        "a group of people speaks",
        "group",
    ),
    _case(
        "group-democrats-argued",
        "Democrats argued that the tax cuts would mostly benefit the wealthy.",
        (_q("the tax cuts would mostly benefit the wealthy", "indirect", "Democrats"),),
        "a party's members",
        "group",
    ),
    _case(
        "group-officials-direct",
        '"There is no evidence of fraud," election officials in Maricopa County said.',
        (_q("There is no evidence of fraud", "direct", "election officials"),),
        "officials without names",
        "group",
    ),
    _case(
        "group-critics-warned",
        "Critics warned the new rules could keep thousands of eligible voters from the polls.",
        (_q("the new rules could keep thousands of eligible voters from the polls", "indirect", "Critics"),),
        "'warned' without 'that'",
        "group",
    ),
    _case(
        "group-protesters-chanted",
        'Hundreds of protesters gathered outside the capitol. "Count every vote," the protesters chanted.',
        (_q("Count every vote", "direct", "the protesters"),),
        "a crowd is a speaker",
        "group",
    ),
    # -- reported clauses after any cue ---------------------------------------------------------------------
    _case(
        "indirect-said-no-that-unknown",
        "Senator Helen Park said Moscow could not be trusted to honor any agreement.",
        (_q("Moscow could not be trusted to honor any agreement", "indirect", "Helen Park"),),
        "'said' without 'that'",
        "indirect",
    ),
    _case(
        "indirect-later-insisted",
        "The former aide later insisted she never saw the memo.",
        (_q("she never saw the memo", "indirect", "The former aide"),),
        "'insisted' without 'that', an adverb before it",
        "indirect",
    ),
    _case(
        "indirect-accused-of",
        "Governor Dale Whitmore accused the legislature of wasting taxpayer money on pet projects.",
        (_q("wasting taxpayer money on pet projects", "indirect", "Dale Whitmore"),),
        "'accused X of': the prepositional complement is the content",
        "indirect",
    ),
    _case(
        "indirect-urged-to",
        "The mayor urged residents to stay indoors until the storm had passed.",
        (_q("stay indoors until the storm had passed", "indirect", "The mayor"),),
        "'urged X to': the infinitive is the content",
        "indirect",
    ),
    _case(
        "indirect-acknowledged",
        "The secretary acknowledged that the rollout had been slower than planned.",
        (_q("the rollout had been slower than planned", "indirect", "The secretary"),),
        "'acknowledged that'",
        "indirect",
    ),
    _case(
        "indirect-claimed",
        "Hargrove claimed the election had been stolen from him, without offering evidence.",
        (_q("the election had been stolen from him", "indirect", "Hargrove"),),
        "'claimed' without 'that'",
        "indirect",
    ),
    _case(
        "indirect-denied-no-that",
        "The commissioner denied he had any role in the hiring decision.",
        (_q("he had any role in the hiring decision", "indirect", "The commissioner"),),
        "'denied' without 'that'",
        "indirect",
    ),
    _case(
        "indirect-warned-that",
        "The budget office warned that the deficit would double within a decade.",
        (_q("the deficit would double within a decade", "indirect", "The budget office"),),
        "'warned that'",
        "indirect",
    ),
    _case(
        "indirect-told-to",
        "The judge told prosecutors to turn over the remaining files by Friday.",
        (_q("turn over the remaining files by Friday", "indirect", "The judge"),),
        "'told X to'",
        "indirect",
    ),
    _case(
        "indirect-promised-to",
        "The candidate promised to cut property taxes in her first year.",
        (_q("cut property taxes in her first year", "indirect", "The candidate"),),
        "'promised to'",
        "indirect",
    ),
    _case(
        "indirect-clause-first-unknown",
        "The vote will be delayed until after the recess, a Senate aide said.",
        (_q("The vote will be delayed until after the recess", "indirect", "a Senate aide"),),
        "the reported clause before 'X said'",
        "indirect",
    ),
    _case(
        "indirect-noun-claim",
        "The company rejected the claim that it had misled investors.",
        (),
        "the claim that is someone else's, and its owner is not named: no attribution to the company",
        "precision",
    ),
    _case(
        "indirect-statement-noun",
        "Her statement that the funds were never spent was contradicted by the audit.",
        (_q("the funds were never spent", "indirect", "Her"),),
        "a speech noun with its that-clause: the possessor speaks",
        "indirect",
    ),
    _case(
        "indirect-conceded",
        "Ortiz conceded the campaign had made mistakes in the final weeks.",
        (_q("the campaign had made mistakes in the final weeks", "indirect", "Ortiz"),),
        "'conceded' without 'that'",
        "indirect",
    ),
    _case(
        "indirect-explained",
        "The spokeswoman explained that the delay was caused by a software error.",
        (_q("the delay was caused by a software error", "indirect", "The spokeswoman"),),
        "'explained that'",
        "indirect",
    ),
    _case(
        "indirect-believes",
        "Whitfield believes the party can win back the suburbs in November.",
        (_q("the party can win back the suburbs in November", "indirect", "Whitfield"),),
        "a cognition-report verb with a person as subject",
        "indirect",
    ),
    _case(
        "indirect-asked-whether",
        "Reporters asked whether the president would veto the bill.",
        (_q("the president would veto the bill", "indirect", "Reporters"),),
        "a question is reported speech",
        "indirect",
    ),
    _case(
        "indirect-predicted",
        "Pollster Ellen Marsh predicted the race would be decided by fewer than 10,000 votes.",
        (_q("the race would be decided by fewer than 10,000 votes", "indirect", "Ellen Marsh"),),
        "'predicted' by a person",
        "indirect",
    ),
    _case(
        "indirect-two-in-sentence",
        "Kemper said the state would appeal the ruling, and his lawyers argued that the judge had "
        "overstepped "
        "his authority.",
        (
            _q("the state would appeal the ruling", "indirect", "Kemper"),
            _q("the judge had overstepped his authority", "indirect", "his lawyers"),
        ),
        "two cues, two speakers, one sentence",
        "indirect",
    ),
    _case(
        "indirect-confirmed",
        "A Pentagon spokesman confirmed that two service members had been injured.",
        (_q("two service members had been injured", "indirect", "A Pentagon spokesman"),),
        "'confirmed that'",
        "indirect",
    ),
    _case(
        "indirect-suggested-person",
        "Brooks suggested the committee could subpoena the former director.",
        (_q("the committee could subpoena the former director", "indirect", "Brooks"),),
        "'suggested' with a person is speech",
        "indirect",
    ),
    # -- mixed quotes as whole clauses --------------------------------------------------------------------
    _case(
        "mixed-minister-simply-false",
        'The minister said the figures in the report were "simply false."',
        (_q('the figures in the report were "simply false."', "mixed", "The minister"),),
        "the statement is the whole reported clause",
        "mixed",
    ),
    _case(
        "mixed-called-for",
        'The senator said the nominee had shown "a troubling disregard for the law" during the hearing.',
        (
            _q(
                'the nominee had shown "a troubling disregard for the law" during the hearing',
                "mixed",
                "The senator",
            ),
        ),
        "the quoted part in the middle of the clause",
        "mixed",
    ),
    _case(
        "mixed-two-fragments",
        'Carter said the plan was "reckless" and "a gift to the insurance companies."',
        (_q('the plan was "reckless" and "a gift to the insurance companies."', "mixed", "Carter"),),
        "two quoted parts in one clause make one quote",
        "mixed",
    ),
    _case(
        "mixed-that-clause-unknown",
        'Representative Ilene Moss said that the agency had "completely failed the families it was meant to '
        'serve."',
        (
            _q(
                'the agency had "completely failed the families it was meant to serve."',
                "mixed",
                "Ilene Moss",
            ),
        ),
        "a that-clause with a quoted end",
        "mixed",
    ),
    _case(
        "mixed-warned",
        'Economists warned that the tariffs would "hit working families hardest."',
        (_q('the tariffs would "hit working families hardest."', "mixed", "Economists"),),
        "a group, a mixed clause",
        "mixed",
    ),
    _case(
        "mixed-according-to",
        'According to the memo, the plan was "not ready for prime time."',
        (_q('the plan was "not ready for prime time."', "mixed", "the memo"),),
        "'according to' with a mixed clause",
        "mixed",
    ),
    # -- long paragraphs, several speakers ------------------------------------------------------------------
    _case(
        "paragraph-three-speakers",
        'The hearing grew tense. "This is a witch hunt," said Rep. Mark Duval, a Republican from Georgia. '
        "Rep. "
        "Sara Lind, a Democrat, shot back that the committee was only following the evidence. Committee "
        "chair "
        'Victor Ames said the panel would vote on the subpoenas next week. "We are not done," Ames said.',
        (
            _q("This is a witch hunt", "direct", "Mark Duval"),
            _q("the committee was only following the evidence", "indirect", "Sara Lind"),
            _q("the panel would vote on the subpoenas next week", "indirect", "Victor Ames"),
            _q("We are not done", "direct", "Ames"),
        ),
        "four statements, three speakers, one paragraph",
        "paragraph",
    ),
    _case(
        "paragraph-anchor-and-guest",
        'On the Sunday program, host Kate Moreno asked the governor about the shortfall. "We inherited this '
        'mess," Governor Ray Dunn replied. Moreno noted that the deficit had grown under his watch. "That is '
        'simply not true," Dunn said.',
        (
            _q("We inherited this mess", "direct", "Ray Dunn"),
            _q("the deficit had grown under his watch", "indirect", "Moreno"),
            _q("That is simply not true", "direct", "Dunn"),
        ),
        "an exchange between a host and a guest",
        "paragraph",
    ),
    _case(
        "paragraph-dueling-campaigns",
        'The Hale campaign said its opponent had "lied about his record." A spokesman for Senator Joe Pruitt '
        'called the charge "desperate." "Voters can see through this," the spokesman, Alan Ross, said.',
        (
            _q('its opponent had "lied about his record."', "mixed", "The Hale campaign"),
            _q("Voters can see through this", "direct", "Alan Ross"),
        ),
        "two campaigns answer each other",
        "paragraph",
    ),
    _case(
        "paragraph-outlet-then-person",
        "Politico reported that the White House was weighing a pardon. Asked about the report, deputy press "
        'secretary Omar Hill said: "I have nothing to announce today." He added that the president had not '
        "made any decision.",
        (
            _q("the White House was weighing a pardon", "indirect", "Politico"),
            _q("I have nothing to announce today", "direct", "Omar Hill"),
            _q("the president had not made any decision", "indirect", "Omar Hill"),
        ),
        "an outlet, then a person asked about it",
        "paragraph",
    ),
    _case(
        "paragraph-group-and-expert",
        "Supporters of the measure said it would lower drug prices. But Nina Patel, a health economist at "
        "Rice "
        'University, said the savings were "largely illusory." "The math does not work," she said.',
        (
            _q("it would lower drug prices", "indirect", "Supporters of the measure"),
            _q('the savings were "largely illusory."', "mixed", "Nina Patel"),
            _q("The math does not work", "direct", "Nina Patel"),
        ),
        "a group and an expert",
        "paragraph",
    ),
    _case(
        "paragraph-interview",
        'In an interview, Jordan Reyes, the party chairman, said turnout had been "historic." "We have never '
        'seen lines like this," Reyes said. "People want change."',
        (
            _q('turnout had been "historic."', "mixed", "Jordan Reyes"),
            _q("We have never seen lines like this", "direct", "Reyes"),
            _q("People want change.", "direct", "Reyes"),
        ),
        "an interview with one speaker, three statements",
        "paragraph",
    ),
    _case(
        "paragraph-court-filing",
        'In a court filing, lawyers for the former treasurer said he "acted in good faith at all times." '
        "Prosecutors countered that he had moved the money to an offshore account.",
        (
            _q('he "acted in good faith at all times."', "mixed", "lawyers for the former treasurer"),
            _q("he had moved the money to an offshore account", "indirect", "Prosecutors"),
        ),
        "defense and prosecution",
        "paragraph",
    ),
    # -- quotations continued over paragraphs -----------------------------------------------------------
    _case(
        "continued-paragraphs-unknown",
        'State Senator Gwen Harlow opened the debate.\n\n"This bill protects families. It protects small '
        'businesses," Harlow said.\n\n"And it does so without raising a single tax."\n\n"Anyone who tells '
        "you "
        'otherwise has not read it."',
        (
            _q("This bill protects families. It protects small businesses", "direct", "Harlow"),
            _q("And it does so without raising a single tax.", "direct", "Harlow"),
            _q("Anyone who tells you otherwise has not read it.", "direct", "Harlow"),
        ),
        "quotation paragraphs without attribution continue the speaker",
        "continued",
    ),
    _case(
        "continued-open-paragraph",
        'Fire chief Luis Ortega described the night the dam broke.\n\n"We heard it before we saw it. The '
        "water "
        'came down the valley like a wall.\n\n"By morning, half the town was gone," Ortega said.',
        (
            _q(
                "We heard it before we saw it. The water came down the valley like a wall.",
                "direct",
                "Ortega",
            ),
            _q("By morning, half the town was gone", "direct", "Ortega"),
        ),
        "a quotation over two paragraphs, attributed in the last",
        "continued",
    ),
    _case(
        "continued-after-colon",
        "The governor's chief of staff, Beth Sandoval, put it this way:\n\n\"We have a choice between "
        "fixing the "
        'roads now and paying twice as much later."',
        (
            _q(
                "We have a choice between fixing the roads now and paying twice as much later.",
                "direct",
                "Beth Sandoval",
            ),
        ),
        "an introduction ending in a colon the paragraph before",
        "continued",
    ),
    _case(
        "continued-by-new-speaker",
        '"We will win Pennsylvania," campaign chair Dina Wolfe said.\n\n"They will not," answered Greg Ames, '
        "the rival campaign's manager.",
        (
            _q("We will win Pennsylvania", "direct", "Dina Wolfe"),
            _q("They will not", "direct", "Greg Ames"),
        ),
        "a new attribution in the next paragraph is a new speaker",
        "continued",
    ),
    # -- more speakers in longer stories --------------------------------------------------------------------
    _case(
        "story-town-hall",
        "The town hall in Dubuque ran two hours over schedule.\n\n"
        '"I have three kids and I cannot afford insulin," said Kara Jennings, a nurse from Cedar Rapids.\n\n'
        'Congressman Phil Ostrander told her the House would vote on a price cap this fall. "You have my '
        'word," '
        "he said.\n\n"
        'Not everyone was convinced. "We have heard that before," said Earl Tobin, 71, a retired machinist.',
        (
            _q("I have three kids and I cannot afford insulin", "direct", "Kara Jennings"),
            _q("the House would vote on a price cap this fall", "indirect", "Phil Ostrander"),
            _q("You have my word", "direct", "Phil Ostrander"),
            _q("We have heard that before", "direct", "Earl Tobin"),
        ),
        "voters and a congressman at a town hall",
        "paragraph",
    ),
    _case(
        "story-cable-news",
        'On CNN, commentator Van Holt said the speech was "the best of his career." On Fox News, host Laura '
        'Pierce disagreed. "It was long, it was flat, and nobody will remember it," Pierce said.',
        (
            _q('the speech was "the best of his career."', "mixed", "Van Holt"),
            _q("It was long, it was flat, and nobody will remember it", "direct", "Pierce"),
        ),
        "television commentators",
        "media",
    ),
    _case(
        "story-editorial-board",
        "The editorial board of The Boston Globe called on the governor to resign. The board wrote that his "
        'conduct had "shattered the public\'s trust."',
        (
            _q("the governor to resign", "indirect", "The editorial board of The Boston Globe"),
            _q('his conduct had "shattered the public\'s trust."', "mixed", "The board"),
        ),
        "'called on X to' and an editorial board",
        "media",
    ),
    _case(
        "story-inspector-general",
        "The inspector general's report found that agency managers had approved overtime they knew was "
        "fraudulent. It recommended that two senior officials be disciplined.",
        (
            _q(
                "agency managers had approved overtime they knew was fraudulent",
                "indirect",
                "The inspector general's report",
            ),
            _q("two senior officials be disciplined", "indirect", "The inspector general's report"),
        ),
        "a report that finds and recommends; 'it' is the report",
        "document",
    ),
    _case(
        "story-lawmakers-letter",
        'In a letter to the secretary, 40 lawmakers demanded answers about the contract. "The public '
        "deserves "
        'to know who profited," the letter said.',
        (_q("The public deserves to know who profited", "direct", "the letter"),),
        "a letter is a document speaking for its signers",
        "document",
    ),
    _case(
        "story-spokesperson-email",
        '"The senator has always complied with the disclosure rules," his spokeswoman, Tara Quinn, said in '
        "an "
        "email. She declined to say whether he would testify.",
        (_q("The senator has always complied with the disclosure rules", "direct", "Tara Quinn"),),
        "a spokeswoman named in apposition; 'declined to say' reports nothing",
        "person",
    ),
    _case(
        "story-union-leader",
        'Union president Dolores Vega said the strike would continue "until the last worker gets a fair '
        'contract." The company, Midland Freight, said it had offered a 12 percent raise. "That offer is '
        'generous by any measure," a company spokesman said.',
        (
            _q(
                'the strike would continue "until the last worker gets a fair contract."',
                "mixed",
                "Dolores Vega",
            ),
            _q("it had offered a 12 percent raise", "indirect", "Midland Freight"),
            _q("That offer is generous by any measure", "direct", "a company spokesman"),
        ),
        "a union, a company, its spokesman",
        "paragraph",
    ),
    _case(
        "story-pollster-explained",
        'Pollster Sam Ochoa explained that independents had broken late for the challenger. "The undecideds '
        'always break against the incumbent," Ochoa said. "This year was no different."',
        (
            _q("independents had broken late for the challenger", "indirect", "Sam Ochoa"),
            _q("The undecideds always break against the incumbent", "direct", "Ochoa"),
            _q("This year was no different.", "direct", "Ochoa"),
        ),
        "a pollster, indirect then direct",
        "person",
    ),
    _case(
        "story-sheriff",
        "Sheriff Wade Collins said deputies had arrested three men in connection with the threats. He said "
        "the "
        'investigation was ongoing. "We take every threat against an election worker seriously," Collins '
        "said.",
        (
            _q("deputies had arrested three men in connection with the threats", "indirect", "Wade Collins"),
            _q("the investigation was ongoing", "indirect", "Wade Collins"),
            _q("We take every threat against an election worker seriously", "direct", "Collins"),
        ),
        "a sheriff, a pronoun, a surname",
        "person",
    ),
    _case(
        "story-think-tank",
        "A study by the Brookings Institution estimated that the policy would cost $80 billion over ten "
        "years. "
        'Its author, economist Ruth Harmon, said the estimate was "conservative."',
        (
            _q(
                "the policy would cost $80 billion over ten years",
                "indirect",
                "A study by the Brookings Institution",
            ),
            _q('the estimate was "conservative."', "mixed", "Ruth Harmon"),
        ),
        "a study and its author",
        "document",
    ),
    _case(
        "story-judge-ruling",
        "Judge Maria Esposito ruled that the county had violated the Voting Rights Act. In her opinion, she "
        'wrote that the new map "dilutes the voting strength of Black residents."',
        (
            _q("the county had violated the Voting Rights Act", "indirect", "Maria Esposito"),
            _q('the new map "dilutes the voting strength of Black residents."', "mixed", "Maria Esposito"),
        ),
        "a judge rules and writes",
        "person",
    ),
    _case(
        "story-witness",
        "One witness, a bartender named Chris Dale, told police he saw two men running from the building. "
        '"They '
        'were laughing," Dale said. "I will never forget that."',
        (
            _q("he saw two men running from the building", "indirect", "Chris Dale"),
            _q("They were laughing", "direct", "Dale"),
            _q("I will never forget that.", "direct", "Dale"),
        ),
        "a witness named in apposition",
        "person",
    ),
    _case(
        "story-press-release-quote",
        "The attorney general's office announced the settlement on Monday. \"This is a victory for every "
        'consumer who was cheated," Attorney General Nora Blake said in a news release.',
        (_q("This is a victory for every consumer who was cheated", "direct", "Nora Blake"),),
        "an official's quotation in a release",
        "person",
    ),
    _case(
        "story-former-official-acknowledged",
        "In his memoir, former chief of staff Glen Harper acknowledged he had misjudged the mood of the "
        'country. "I got it wrong," he writes.',
        (
            _q("he had misjudged the mood of the country", "indirect", "Glen Harper"),
            _q("I got it wrong", "direct", "Glen Harper"),
        ),
        "a memoir; the present tense 'he writes'",
        "person",
    ),
    _case(
        "story-activists-said",
        "Climate activists said the pipeline would threaten the water supply of two million people. The "
        'developer, Keystone Midstream, called those fears "overblown."',
        (
            _q(
                "the pipeline would threaten the water supply of two million people",
                "indirect",
                "Climate activists",
            ),
        ),
        "a group's claim; calling a fear overblown is a characterization",
        "group",
    ),
    # -- precision ----------------------------------------------------------------------------------------
    _case(
        "precision-nickname",
        'Supporters call the senator "the Iron Lady of Kansas" at every rally.',
        (),
        "a nickname is no quotation",
        "precision",
    ),
    _case(
        "precision-title-of-show",
        'He appeared on "Meet the Press" and on "Face the Nation" on Sunday.',
        (),
        "titles of programs",
        "precision",
    ),
    _case(
        "precision-scare-quote",
        'The administration calls it a "pause" rather than a cancellation.',
        (),
        "a scare quote",
        "precision",
    ),
    _case(
        "precision-nested",
        "\"When I asked him, he told me, 'I never signed that letter,'\" said Mary Cole, a former aide to "
        "the "
        "mayor.",
        (
            _q(
                "When I asked him, he told me, 'I never signed that letter,'",
                "direct",
                "Mary Cole",
            ),
            _q("I never signed that letter", "direct", "he", reported_by="Cole"),
        ),
        "the outer quotation is the aide's; the inner one is a quote of its own, by the man she names inside "
        "it ('he told me'), reported by her (issue 10, item 4)",
        "precision",
    ),
    _case(
        "precision-book-title",
        'Her memoir, "Hard Choices Ahead," comes out in May.',
        (),
        "a book title",
        "precision",
    ),
    _case(
        "precision-narrative-no-cue",
        "The senator arrived at the capitol shortly after noon and met with party leaders for two hours.",
        (),
        "no speech",
        "precision",
    ),
]

CASES.extend(ATTRIBUTION_CASES)

# -- attribution, second round ------------------------------------------------------------------------------
# Written (before any rule change for them) for what the first round left thin: long paragraphs with several
# speakers, quotations continued over paragraphs without a new attribution, quotations inside quotations
# (the inner one attributed to its own speaker, ``reported_by`` the outer), titles, nicknames, slogans and
# scare quotes, "in the words of X", speech nouns ("the allegation that", "her claim that", "X's view that"),
# documents and outlets as speakers, and speakers no table knows of each type. Same conventions as above;
# where the case is about it, the speaker's type is checked too.


def _case2(
    name: str, text: str, quotes: tuple[GoldQuote, ...], why: str, family: str, written: str = "before"
) -> GoldCase:
    return GoldCase(
        name, text, quotes, why, strict=False, tags=("attribution", family, "round2"), written=written
    )


SECOND_ROUND_CASES = [
    # -- long paragraphs, several speakers ------------------------------------------------------------------
    _case2(
        "r2-paragraph-budget-fight",
        "The budget talks collapsed late Thursday. Senate Majority Leader Tom Becker blamed House "
        'Republicans, saying they had "walked away from a fair deal." House Speaker Lyle Grant said the '
        'Senate plan spent too much. "We are not going to write a blank check," Grant told reporters. '
        "Meanwhile, the White House budget director, Amy Cho, warned that agencies would begin furloughs on "
        "Monday.",
        (
            _q('they had "walked away from a fair deal."', "mixed", "Tom Becker", "person"),
            _q("the Senate plan spent too much", "indirect", "Lyle Grant", "person"),
            _q("We are not going to write a blank check", "direct", "Grant", "person"),
            _q("agencies would begin furloughs on Monday", "indirect", "Amy Cho", "person"),
        ),
        "four statements by three people in one paragraph; 'saying' shares the subject of 'blamed'",
        "paragraph",
    ),
    _case2(
        "r2-paragraph-school-board",
        'Parents packed the school board meeting on Tuesday. "My daughter has not had a math teacher since '
        'October," said Lena Ford, a mother of two. Board president Carl Ivey said the district was trying '
        "to fill 14 vacancies. Superintendent Joan Mercer added that starting salaries would rise by 8 "
        'percent next year. "It will not fix everything overnight," she said.',
        (
            _q("My daughter has not had a math teacher since October", "direct", "Lena Ford", "person"),
            _q("the district was trying to fill 14 vacancies", "indirect", "Carl Ivey"),
            _q("starting salaries would rise by 8 percent next year", "indirect", "Joan Mercer"),
            _q("It will not fix everything overnight", "direct", "Joan Mercer"),
        ),
        "a parent, a board president and a superintendent; 'she' is the last woman named",
        "paragraph",
    ),
    _case2(
        "r2-paragraph-debate",
        "During the debate, Mayor Ruth Alvarez said crime had fallen for three straight years. Her "
        'challenger, Dan Kowalski, interrupted. "That is just not what people are seeing," he said. Alvarez '
        "replied that the numbers came from the police department, not her campaign. The moderator, Jim "
        "Novak, asked both candidates to keep their answers short.",
        (
            _q("crime had fallen for three straight years", "indirect", "Ruth Alvarez"),
            _q("That is just not what people are seeing", "direct", "Dan Kowalski"),
            _q("the numbers came from the police department, not her campaign", "indirect", "Alvarez"),
            _q("keep their answers short", "indirect", "Jim Novak"),
        ),
        "a debate: 'he' is the challenger named in the sentence before, not the mayor",
        "paragraph",
    ),
    _case2(
        "r2-paragraph-hearing-witnesses",
        "The second day of hearings brought two very different accounts. Former deputy director Alan Pryce "
        "testified that he had warned his superiors about the leak in March. His former boss, Carol "
        'Whitman, told the panel she had "no memory of any such warning." Senator Hugh Barlow, the '
        'committee\'s ranking member, said one of them was "not telling the truth."',
        (
            _q("he had warned his superiors about the leak in March", "indirect", "Alan Pryce"),
            _q('she had "no memory of any such warning."', "mixed", "Carol Whitman"),
            _q('one of them was "not telling the truth."', "mixed", "Hugh Barlow"),
        ),
        "three witnesses' and lawmakers' statements in one paragraph",
        "paragraph",
    ),
    # -- quotations continued over paragraphs ------------------------------------------------------------
    _case2(
        "r2-continued-three-paragraphs",
        "Governor Lena Brandt spoke to reporters after the vote.\n\n"
        '"Today the legislature did its job," Brandt said. "It was not easy."\n\n'
        '"We had to make hard choices about schools and roads."\n\n'
        '"I am proud of every member who voted yes."',
        (
            _q("Today the legislature did its job", "direct", "Brandt"),
            _q("It was not easy.", "direct", "Brandt"),
            _q("We had to make hard choices about schools and roads.", "direct", "Brandt"),
            _q("I am proud of every member who voted yes.", "direct", "Brandt"),
        ),
        "two quotation paragraphs without attribution continue the governor",
        "continued",
    ),
    _case2(
        "r2-continued-open-three-paragraphs",
        "Retired Colonel James Whitaker testified for nearly an hour.\n\n"
        '"I served in that unit for six years. I know what happened there.\n\n'
        '"The reports were changed after the fact. I saw the originals.\n\n'
        '"I am telling this committee the truth," Whitaker said.',
        (
            _q("I served in that unit for six years. I know what happened there.", "direct", "Whitaker"),
            _q("The reports were changed after the fact. I saw the originals.", "direct", "Whitaker"),
            _q("I am telling this committee the truth", "direct", "Whitaker"),
        ),
        "a quotation left open over three paragraphs, attributed in the last",
        "continued",
    ),
    _case2(
        "r2-continued-then-new-speaker",
        '"We will appeal," said Mark Dunlevy, the county\'s attorney.\n\n'
        '"This ruling ignores forty years of precedent."\n\n'
        "The plaintiffs' lawyer, Irene Sato, said she expected the appeal to fail.",
        (
            _q("We will appeal", "direct", "Mark Dunlevy"),
            _q("This ruling ignores forty years of precedent.", "direct", "Mark Dunlevy"),
            _q("she expected the appeal to fail", "indirect", "Irene Sato"),
        ),
        "a continued quotation paragraph, then a new speaker in narration",
        "continued",
    ),
    _case2(
        "r2-continued-after-indirect",
        "Ellen Park, a city council member from the east side, said she would vote against the stadium "
        'deal.\n\n"The numbers do not add up," she said.\n\n'
        '"Taxpayers would be left holding the bill for thirty years."',
        (
            _q("she would vote against the stadium deal", "indirect", "Ellen Park"),
            _q("The numbers do not add up", "direct", "Ellen Park"),
            _q("Taxpayers would be left holding the bill for thirty years.", "direct", "Ellen Park"),
        ),
        "a pronoun speaker, then a quotation paragraph with no attribution",
        "continued",
    ),
    # -- quotations inside quotations -----------------------------------------------------------------------
    _case2(
        "r2-nested-named-inner",
        "\"The president called me that night and said, 'We are not going to lose this state,'\" said Tom "
        "Reilly, the campaign's field director.",
        (
            _q(
                "The president called me that night and said, 'We are not going to lose this state,'",
                "direct",
                "Tom Reilly",
            ),
            _q("We are not going to lose this state", "direct", "The president", reported_by="Reilly"),
        ),
        "the inner quotation is the president's, reported by the field director who speaks the outer",
        "nested",
    ),
    _case2(
        "r2-nested-curly-father",
        "“My father used to say, ‘Never trust a politician who promises everything,’” Senator Paul Weir "
        "told the crowd.",
        (
            _q(
                "My father used to say, ‘Never trust a politician who promises everything,’",
                "direct",
                "Paul Weir",
            ),
            _q(
                "Never trust a politician who promises everything",
                "direct",
                "My father",
                reported_by="Weir",
            ),
        ),
        "curly single marks inside double ones; the inner speaker is named inside the outer quotation",
        "nested",
    ),
    _case2(
        "r2-nested-agency-inner",
        "\"When the agency told us, 'Your application is incomplete,' nobody could explain what was "
        'missing," said Rosa Delgado, who runs a food bank in Fresno.',
        (
            _q(
                "When the agency told us, 'Your application is incomplete,' nobody could explain what was "
                "missing",
                "direct",
                "Rosa Delgado",
            ),
            _q("Your application is incomplete", "direct", "the agency", reported_by="Delgado"),
        ),
        "an organization speaks inside a person's quotation",
        "nested",
    ),
    # -- titles, nicknames, slogans, scare quotes -------------------------------------------------------
    _case2(
        "r2-precision-title-in-reported-clause",
        'Director Ken Amos said his documentary "The Last Border" took six years to make.',
        (_q('his documentary "The Last Border" took six years to make', "indirect", "Ken Amos"),),
        "a film title inside a reported clause: the clause is indirect speech, the title no quotation",
        "precision",
    ),
    _case2(
        "r2-precision-nickname-apposition",
        'The senator, known to colleagues as "the Closer of the Senate," has brokered four budget deals '
        "since 2019.",
        (),
        "a nickname is no quotation",
        "precision",
    ),
    _case2(
        "r2-precision-scare-quote-two-words",
        'Lawmakers spent the week debating the "nuclear option" for ending the filibuster.',
        (),
        "a scare quote of two words",
        "precision",
    ),
    _case2(
        "r2-precision-song-title",
        'The campaign played "Born in the U.S.A." at every rally until the singer objected.',
        (),
        "a song title",
        "precision",
    ),
    _case2(
        "r2-precision-slogans",
        'Supporters waved signs reading "Four More Years" and "Keep America Working" outside the arena.',
        (),
        "slogans on signs are no one's statement",
        "precision",
    ),
    _case2(
        "r2-precision-code-name",
        'The raid, part of an operation code-named "Silent Harbor at Dawn," began before sunrise.',
        (),
        "a code name",
        "precision",
    ),
    # -- phrases and nouns -----------------------------------------------------------------------------------
    _case2(
        "r2-phrase-in-the-words-of",
        'In the words of Senator Maria Lopez, the bill is "a promise kept to working families."',
        (_q('the bill is "a promise kept to working families."', "mixed", "Maria Lopez"),),
        "'in the words of X' before a mixed clause",
        "phrase",
    ),
    _case2(
        "r2-phrase-in-the-words-of-inside",
        "Relations between the two parties are, in the words of one veteran lawmaker, "
        '"as bad as I have ever seen them."',
        (
            _q(
                "Relations between the two parties are, in the words of one veteran lawmaker, "
                '"as bad as I have ever seen them."',
                "mixed",
                "one veteran lawmaker",
                "person",
            ),
        ),
        "'in the words of X' inside the clause it attributes; an unnamed person",
        "phrase",
    ),
    _case2(
        "r2-noun-view-that",
        "It remains the governor's view that the state cannot afford a second stadium.",
        (_q("the state cannot afford a second stadium", "indirect", "governor"),),
        "'X's view that'",
        "noun",
    ),
    _case2(
        "r2-noun-allegation-possessor",
        "Prosecutors' allegation that the mayor took bribes rests on the testimony of one contractor.",
        (_q("the mayor took bribes", "indirect", "Prosecutors", "group"),),
        "'the allegation that' with its owner as possessor",
        "noun",
    ),
    _case2(
        "r2-noun-her-claim",
        "Wilson repeated her claim that the ballots had been counted twice.",
        (_q("the ballots had been counted twice", "indirect", "Wilson"),),
        "'her claim that': the possessive is the subject named before",
        "noun",
    ),
    _case2(
        "r2-noun-allegation-no-owner",
        "The allegation that the contract was rigged has dogged the administration for months.",
        (),
        "an allegation whose owner is not named: no attribution",
        "noun",
    ),
    _case2(
        "r2-noun-warning-title",
        "The Federal Reserve chair's warning that inflation could return went largely unheeded.",
        (_q("inflation could return", "indirect", "Federal Reserve chair"),),
        "a titled person's warning",
        "noun",
    ),
    _case2(
        "r2-noun-company-promise",
        "The company's promise that no jobs would be cut lasted less than a year.",
        (_q("no jobs would be cut", "indirect", "The company", "organization"),),
        "an organization's promise",
        "noun",
    ),
    # -- documents -------------------------------------------------------------------------------------------
    _case2(
        "r2-document-leaked-cables",
        "The leaked cables showed that American diplomats had doubted the general's loyalty for years.",
        (
            _q(
                "American diplomats had doubted the general's loyalty for years",
                "indirect",
                "The leaked cables",
                "document",
            ),
        ),
        "documents show",
        "document",
    ),
    _case2(
        "r2-document-emails-revealed",
        "Internal emails obtained by the newspaper revealed the agency knew about the defect in 2019.",
        (_q("the agency knew about the defect in 2019", "indirect", "Internal emails", "document"),),
        "'revealed' without 'that'; the newspaper only obtained them",
        "document",
    ),
    _case2(
        "r2-document-indictment-alleges",
        "The indictment alleges that the two men laundered $4 million through shell companies.",
        (
            _q(
                "the two men laundered $4 million through shell companies",
                "indirect",
                "The indictment",
                "document",
            ),
        ),
        "an indictment alleges",
        "document",
    ),
    _case2(
        "r2-document-transcript",
        'According to a transcript of the call, the president said, "I would like you to do us a favor."',
        (_q("I would like you to do us a favor.", "direct", "the president"),),
        "the transcript is the source; the president is the speaker",
        "document",
    ),
    # -- outlets ---------------------------------------------------------------------------------------------
    _case2(
        "r2-media-times-reported",
        "The New York Times reported on Sunday that the FBI had opened an inquiry into the donations.",
        (
            _q(
                "the FBI had opened an inquiry into the donations",
                "indirect",
                "The New York Times",
                "media",
            ),
        ),
        "an outlet reports",
        "media",
    ),
    _case2(
        "r2-media-the-daily-said",
        "Le Monde first reported the meeting. The daily said the two leaders had discussed a prisoner "
        "exchange.",
        (_q("the two leaders had discussed a prisoner exchange", "indirect", "The daily", "media"),),
        "'the daily' refers to the newspaper named before",
        "media",
    ),
    _case2(
        "r2-media-according-to-outlet",
        "According to Reuters, the talks had stalled over the question of sanctions relief.",
        (_q("the talks had stalled over the question of sanctions relief", "indirect", "Reuters", "media"),),
        "'according to' a news agency",
        "media",
    ),
    _case2(
        "r2-media-editorial",
        "In an editorial on Friday, the Chicago Tribune argued that the city should buy back the parking "
        "meters.",
        (
            _q(
                "the city should buy back the parking meters",
                "indirect",
                "the Chicago Tribune",
                "media",
            ),
        ),
        "a newspaper argues in an editorial",
        "media",
    ),
    _case2(
        "r2-media-anchor-and-senator",
        "Fox News anchor Bret Hale asked the senator whether he would support the nominee. "
        '"I have not made up my mind," the senator replied.',
        (
            _q("he would support the nominee", "indirect", "Bret Hale", "person"),
            _q("I have not made up my mind", "direct", "the senator", "person"),
        ),
        "an anchor asks, an unnamed senator answers",
        "media",
    ),
    _case2(
        "r2-media-broadcaster-statement",
        "The broadcaster said in a statement that it stood by its reporting.",
        (_q("it stood by its reporting", "indirect", "The broadcaster", "media"),),
        "an unnamed broadcaster",
        "media",
    ),
    # -- speakers no table knows --------------------------------------------------------------------------
    _case2(
        "r2-unknown-person-voter",
        '"I voted for him twice, and I will not do it again," said Marla Quist, 58, a retired postal worker '
        "in Scranton.",
        (_q("I voted for him twice, and I will not do it again", "direct", "Marla Quist", "person"),),
        "a voter with age and occupation",
        "unknown",
    ),
    _case2(
        "r2-unknown-organization-center",
        "The Brennan Center for Justice said the new law would make it harder for students to vote.",
        (
            _q(
                "the new law would make it harder for students to vote",
                "indirect",
                "The Brennan Center for Justice",
                "organization",
            ),
        ),
        "a nonprofit no table knows",
        "unknown",
    ),
    _case2(
        "r2-unknown-group-residents",
        "Residents of the flooded neighborhood complained that no one from the city had visited them.",
        (
            _q(
                "no one from the city had visited them",
                "indirect",
                "Residents of the flooded neighborhood",
                "group",
            ),
        ),
        "residents speak as a group",
        "unknown",
    ),
    _case2(
        "r2-unknown-anonymous-official",
        "A senior administration official, speaking on condition of anonymity, said the president would "
        "sign the order on Friday.",
        (
            _q(
                "the president would sign the order on Friday",
                "indirect",
                "A senior administration official",
                "person",
            ),
        ),
        "an anonymous official",
        "unknown",
    ),
    _case2(
        "r2-unknown-people-familiar",
        "Two people familiar with the negotiations said the deal could be announced as early as next week.",
        (
            _q(
                "the deal could be announced as early as next week",
                "indirect",
                "Two people familiar with the negotiations",
                "group",
            ),
        ),
        "unnamed sources",
        "unknown",
    ),
    _case2(
        "r2-unknown-document-auditor",
        "A report by the state auditor found the program had paid $12 million to ineligible vendors.",
        (
            _q(
                "the program had paid $12 million to ineligible vendors",
                "indirect",
                "A report by the state auditor",
                "document",
            ),
        ),
        "a report found, without 'that'",
        "unknown",
    ),
    _case2(
        "r2-unknown-no-speaker",
        '"Nobody here trusts the count anymore." That feeling was common among voters in the county.',
        (_q("Nobody here trusts the count anymore.", "direct", None),),
        "someone's words, no one named: kept without a speaker",
        "unknown",
    ),
    _case2(
        "r2-person-tweeted-mixed",
        'Hours later, Representative Kyle Brandt tweeted that the vote had been "rigged from the start."',
        (_q('the vote had been "rigged from the start."', "mixed", "Kyle Brandt", "person"),),
        "'tweeted that' with a quoted end",
        "person",
    ),
]

CASES.extend(SECOND_ROUND_CASES)

# -- quotations inside quotations -------------------------------------------------------------------------
# Written before the rules for nested quotations (issue 10, item 4). Convention (as in the second round):
# the outer quotation is its speaker's statement, the inner marks included; the inner quotation is a quote
# of its own, attributed to the speaker the outer speaker names inside the quotation ("the surgeon told me,
# '...'"), ``reported_by`` the outer speaker. "I" inside the outer quotation is the outer speaker (who then
# reports no one but himself). An inner stretch without a cue of its own inside the outer quotation, an
# apostrophe and a scare-quoted word or two stay part of the outer quotation.


def _nested(name: str, text: str, quotes: tuple[GoldQuote, ...], why: str) -> GoldCase:
    return GoldCase(name, text, quotes, why, strict=False, tags=("attribution", "nested", "nested-own"))


NESTED_CASES = [
    _nested(
        "nested-surgeon-told-me",
        "Doctors were blunt with the family. \"The surgeon told me, 'Your son may never walk again,'\" his "
        "mother, Grace Okafor, said.",
        (
            _q("The surgeon told me, 'Your son may never walk again,'", "direct", "Grace Okafor"),
            _q("Your son may never walk again", "direct", "The surgeon", reported_by="Okafor"),
        ),
        "'told me' inside the mother's quotation: the surgeon's words, reported by the mother",
    ),
    _nested(
        "nested-inner-cue-after",
        "\"'We are out of vaccine,' the nurse told us, and we went home,\" said Helen Moss, who waited four "
        "hours at the clinic.",
        (
            _q("'We are out of vaccine,' the nurse told us, and we went home", "direct", "Helen Moss"),
            _q("We are out of vaccine", "direct", "the nurse", reported_by="Moss"),
        ),
        "the inner quotation opens the outer one; its cue follows it inside the outer marks",
    ),
    _nested(
        "nested-colon-outer-before",
        "Ruth Stein, the union's president, spoke after the vote. She said: \"The company wrote to us, "
        "'There will be no raises this year.' So we will strike.\"",
        (
            _q(
                "The company wrote to us, 'There will be no raises this year.' So we will strike.",
                "direct",
                "Ruth Stein",
            ),
            _q("There will be no raises this year.", "direct", "The company", reported_by="Stein"),
        ),
        "the outer attribution stands before the quotation; an organization writes inside it",
    ),
    _nested(
        "nested-british-single-outer",
        "'The minister looked at us and said, \"There is no money left,\"' Gareth Hughes, a union official, "
        "told the BBC.",
        (
            _q('The minister looked at us and said, "There is no money left,"', "direct", "Gareth Hughes"),
            _q("There is no money left", "direct", "The minister", reported_by="Hughes"),
        ),
        "British style: single marks outside, double marks inside",
    ),
    _nested(
        "nested-i-told-them",
        "\"I told them, 'This plant will not close while I am mayor,' and I meant it,\" said Dana "
        "Whitfield, the mayor of Elkton.",
        (
            _q(
                "I told them, 'This plant will not close while I am mayor,' and I meant it",
                "direct",
                "Dana Whitfield",
            ),
            _q("This plant will not close while I am mayor", "direct", "Dana Whitfield"),
        ),
        "'I' inside the outer quotation is the outer speaker: she quotes herself",
    ),
    _nested(
        "nested-apostrophes-only",
        "\"We don't know what the Smiths' lawyers want, and they haven't told us,\" said Kara Lin, a "
        "spokeswoman for the landlord.",
        (_q("We don't know what the Smiths' lawyers want, and they haven't told us", "direct", "Kara Lin"),),
        "apostrophes inside a quotation open no inner quotation",
    ),
    _nested(
        "nested-scare-word-inside",
        "\"They call it a 'temporary' closure, but nobody here believes that,\" said union steward Ben "
        "Ortiz.",
        (_q("They call it a 'temporary' closure, but nobody here believes that", "direct", "Ben Ortiz"),),
        "a scare-quoted word inside a quotation is no quote of its own",
    ),
    _nested(
        "nested-no-inner-cue",
        "\"The plan they call 'a fresh start for the neighborhood' would push out half of us,\" said "
        "Marcus Bell, who has rented on the block for twenty years.",
        (
            _q(
                "The plan they call 'a fresh start for the neighborhood' would push out half of us",
                "direct",
                "Marcus Bell",
            ),
        ),
        "a name given to a plan inside a quotation, with no one saying it there: part of the outer quotation",
    ),
    _nested(
        "nested-pronoun-inner-speaker",
        "Tomas Grady coached the team for a decade. \"When the owner fired me, he just said, 'It is "
        "time for a change,'\" Grady recalled.",
        (
            _q(
                "When the owner fired me, he just said, 'It is time for a change,'",
                "direct",
                "Tomas Grady",
            ),
            _q("It is time for a change", "direct", "he", reported_by="Grady"),
        ),
        "'he' inside Grady's quotation is not Grady (he would say 'I'): the pronoun is all the text says",
    ),
]

CASES.extend(NESTED_CASES)
