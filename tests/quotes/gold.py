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


@dataclass(frozen=True)
class GoldCase:
    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    why: str
    strict: bool = True
    tags: tuple[str, ...] = field(default_factory=tuple)


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
        (GoldQuote("open a new chapter in relations between our nations.", "mixed", "IDN", cue="said"),),
        "the clause's subject ('the summit') is not the speaker: its verb is no verb of saying",
    ),
    GoldCase(
        "mixed-not-a-speaker",
        'Russia "will pay a heavy price for this crime," the Ukrainian foreign minister said on Sunday.',
        (GoldQuote("will pay a heavy price for this crime", "mixed", "UKR", cue="said"),),
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
        (),
        "reported speech is kept only when its speaker is an actor",
    ),
    GoldCase(
        "thought-is-not-speech",
        "Moscow believes that NATO is preparing for war.",
        (),
        "a verb of thinking reports an opinion, not speech",
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
        (GoldQuote("its troops had only returned fire", "indirect", "AZE", cue="said"),),
        "a cue in an adverbial clause is not reported by the main clause's speaker",
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
        (GoldQuote("a hostile act that will not go unanswered.", "mixed", "RUS", cue="said"),),
        "'it' is the ministry of the sentence before",
    ),
    GoldCase(
        "adding-that-mixed",
        "“The door to diplomacy remains open,” the Iranian foreign minister said in an interview, adding "
        "that Tehran was “ready to return to the nuclear deal if the other side does.”",
        (
            GoldQuote("The door to diplomacy remains open", "direct", "IRN", cue="said"),
            GoldQuote(
                "ready to return to the nuclear deal if the other side does.", "mixed", "IRN", cue="adding"
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
            GoldQuote("will never send weapons to Ukraine.", "mixed", "HUN", cue="added"),
        ),
        "a pronoun speaker in the next sentence; a quoted predicate inside 'added that'",
    ),
    GoldCase(
        "in-a-statement-it-said",
        "Kenya's foreign ministry rejected the accusations. In a statement on Tuesday, it said the claims by "
        'Somalia were "baseless and malicious."',
        (GoldQuote("baseless and malicious.", "mixed", "KEN", cue="said"),),
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
        (GoldQuote("safer than at any time in its history.", "mixed", "FIN", cue="told"),),
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
