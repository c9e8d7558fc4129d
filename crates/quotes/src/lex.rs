//! A small word lexer and the word lists attribution needs.
//!
//! Tokens are byte spans into the document text. The lexer is a single
//! pass over the chars of a block with no backtracking.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A word (letters/digits, with inner apostrophes, hyphens, periods).
    Word,
    /// One punctuation or symbol char.
    Punct(char),
}

/// One token of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub s: usize,
    /// One past the last byte (a possessive ’s excluded).
    pub e: usize,
    /// Word or punctuation.
    pub kind: TokKind,
    /// Whether the word was followed by a possessive ’s / ' (Trump’s).
    pub poss: bool,
    /// Whether the word starts with an upper-case letter.
    pub cap: bool,
    /// Whether the token lies inside quotation marks (or is a mark).
    pub quoted: bool,
}

impl Tok {
    /// Whether the token is the punctuation char `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    /// Whether the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// Lower-cases a short ASCII word into `buf` without allocating; longer or
/// non-ASCII words come back as "" (no word list holds them).
pub(crate) fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> &'b str {
    let n = w.len();
    if n > buf.len() || !w.is_ascii() {
        return "";
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Abbreviations that keep their final period (titles, initials, Jr.).
fn keeps_period(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    if w.contains('.') {
        return true; // U.S, D.C
    }
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Maj"
            | "Adm"
            | "Jr"
            | "Sr"
            | "St"
            | "Prof"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Atty"
            | "Supt"
            | "Cmdr"
            | "Messrs"
    )
}

/// Lexes `text[start..end]`, appending to `out`.
pub(crate) fn lex(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let Some(part) = text.get(start..end) else {
        return;
    };
    let mut it = part.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let s = start + i;
        if !c.is_alphanumeric() {
            out.push(Tok {
                s,
                e: s + c.len_utf8(),
                kind: TokKind::Punct(c),
                poss: false,
                cap: false,
                quoted: false,
            });
            continue;
        }
        let mut e = s + c.len_utf8();
        let mut poss = false;
        // Extend over letters/digits and inner joiners followed by a letter.
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                e = start + j + d.len_utf8();
                it.next();
                continue;
            }
            if matches!(d, '-' | '.' | '&') || is_apos(d) {
                // Look one char further.
                let mut ahead = it.clone();
                ahead.next();
                let after = ahead.peek().map(|&(_, x)| x);
                if is_apos(d) {
                    // Possessive ’s at a word end, or plural possessive s’.
                    let after2 = {
                        let mut a2 = ahead.clone();
                        a2.next();
                        a2.peek().map(|&(_, x)| x)
                    };
                    if matches!(after, Some('s') | Some('S'))
                        && after2.is_none_or(|x| !x.is_alphanumeric())
                    {
                        poss = true;
                        it.next();
                        it.next();
                        break;
                    }
                }
                if after.is_some_and(|x| x.is_alphanumeric()) {
                    e = start + j + d.len_utf8();
                    it.next();
                    continue;
                }
                if d == '.' && keeps_period(&text[s..e]) {
                    e = start + j + 1;
                    it.next();
                }
            }
            break;
        }
        out.push(Tok {
            s,
            e,
            kind: TokKind::Word,
            poss,
            cap: c.is_uppercase(),
            quoted: false,
        });
    }
}

/// Base forms of the verbs that introduce or attribute speech; inflected
/// forms are found by [`is_cue_verb`].
const CUE_BASES: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "tweet",
    "argue",
    "ask",
    "explain",
    "note",
    "state",
    "declare",
    "insist",
    "claim",
    "continue",
    "reply",
    "respond",
    "recall",
    "warn",
    "urge",
    "call",
    "describe",
    "announce",
    "acknowledge",
    "admit",
    "concede",
    "suggest",
    "joke",
    "quip",
    "remark",
    "observe",
    "predict",
    "promise",
    "vow",
    "pledge",
    "boast",
    "complain",
    "charge",
    "contend",
    "counter",
    "maintain",
    "report",
    "post",
    "shout",
    "yell",
    "testify",
    "conclude",
    "emphasize",
    "emphasise",
    "stress",
    "muse",
    "wonder",
    "demand",
    "blast",
    "slam",
    "accuse",
    "label",
    "dub",
    "thunder",
    "exclaim",
    "caution",
    "assure",
    "confirm",
    "deny",
    "lament",
    "chime",
    "opine",
    "agree",
    "proclaim",
    "retort",
    "scoff",
    "fume",
    "brag",
    "tout",
    "hint",
    "whisper",
    "read",
    "answer",
    "interject",
    "press",
    "thank",
    "praise",
    "criticize",
    "criticise",
    "mock",
    "express",
    "refer",
    "offer",
    "bark",
    "snap",
    "chant",
    "cry",
    "scream",
    "recount",
    "reiterate",
    "repeat",
    "estimate",
    "deem",
    "brand",
    "term",
    "liken",
    "dismiss",
    "reject",
    "blame",
    "question",
    "denounce",
    "attack",
    "knock",
    "hail",
    "applaud",
    "laud",
    "welcome",
    "defend",
    "protest",
    "grumble",
    "grouse",
    "plead",
    "beg",
    "assert",
    "allege",
    "reason",
    "surmise",
    "speculate",
    "theorize",
    "clarify",
    "elaborate",
    "email",
    "publish",
    "reveal",
    "disclose",
    "threaten",
    "request",
    "advise",
    "recommend",
    "propose",
    "imply",
    "indicate",
    "signal",
    "mention",
    "comment",
    "echo",
    "concur",
    "dispute",
    "challenge",
    "bemoan",
    "decry",
    "condemn",
    "deplore",
    "congratulate",
    "credit",
    "inform",
    "reassure",
    "remind",
    "characterize",
    "portray",
    "swear",
    "affirm",
    "confess",
    "remember",
    "reflect",
    "query",
    "probe",
    "sing",
    "rail",
    "lash",
    "vent",
    "gush",
    "rave",
    "rant",
    "sneer",
    "tease",
    "chide",
    "scold",
    "rebuke",
    "fault",
    "jab",
    "start",
    "begin",
    "speak",
    "find",
    "show",
    // Verdicts: "PolitiFact rated it “false”", "the court ruled that …".
    "rate",
    "rule",
    // Pointing at words: "it referenced “political tensions”", "he cited
    // the exclusion as “important …”".
    "reference",
    "cite",
];

/// Irregular forms of the cue verbs.
fn irregular_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "wrote"
            | "written"
            | "began"
            | "begun"
            | "spoke"
            | "spoken"
            | "swore"
            | "sworn"
            | "sang"
            | "sung"
            | "found"
            | "shown"
            | "quipped"
            | "chimed"
    )
}

/// Whether `w` is a verb that introduces or attributes speech, in any
/// inflection ("said", "adds", "tweeting", "labelled"). Capitalised words
/// are not verbs ("States", "Post") except a sentence-initial inverted
/// "Said"/"Added"/"Stated".
pub(crate) fn is_cue_verb(w: &str) -> bool {
    if w.chars().next().is_some_and(|c| c.is_uppercase()) {
        return matches!(
            w,
            "Said" | "Says" | "Added" | "Stated" | "Wrote" | "Explained" | "Asked"
        );
    }
    if w.len() > 16 || !w.is_ascii() {
        return false;
    }
    if irregular_cue(w) {
        return true;
    }
    let base = |b: &str| !b.is_empty() && CUE_BASES.contains(&b);
    // `stem` + "e" / `stem` + "y" are bases, checked without allocating.
    let base_plus = |st: &str, c: char| {
        !st.is_empty()
            && CUE_BASES
                .iter()
                .any(|b| b.len() == st.len() + 1 && b.starts_with(st) && b.ends_with(c))
    };
    if base(w) {
        return true;
    }
    let strip = |suf: &str| w.strip_suffix(suf).unwrap_or("");
    let doubled = |st: &str| {
        let b = st.as_bytes();
        b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && base(&st[..st.len() - 1])
    };
    if w.ends_with("ing") {
        let st = strip("ing");
        if base(st) || base_plus(st, 'e') || doubled(st) {
            return true;
        }
    }
    if w.ends_with("ied") && base_plus(strip("ied"), 'y') {
        return true;
    }
    if w.ends_with("ies") && base_plus(strip("ies"), 'y') {
        return true;
    }
    if w.ends_with("ed") {
        let st = strip("ed");
        if base(st) || base(strip("d")) || doubled(st) {
            return true;
        }
    }
    if w.ends_with('s') && (base(strip("s")) || base(strip("es"))) {
        return true;
    }
    false
}

/// Nouns that name a statement: "her intent to…", "Trump’s claim that…".
pub(crate) fn is_cue_noun(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let lw = lower(w, &mut buf);
    matches!(
        lw,
        "statement"
            | "words"
            | "remarks"
            | "remark"
            | "comment"
            | "comments"
            | "claim"
            | "claims"
            | "description"
            | "intent"
            | "intention"
            | "promise"
            | "pledge"
            | "vow"
            | "assertion"
            | "argument"
            | "response"
            | "answer"
            | "message"
            | "tweet"
            | "tweets"
            | "post"
            | "speech"
            | "call"
            | "view"
            | "belief"
            | "warning"
            | "insistence"
            | "suggestion"
            | "criticism"
            | "accusation"
            | "plan"
            | "vision"
            | "slogan"
            | "motto"
            | "phrase"
            | "language"
            | "rhetoric"
            | "question"
            | "letter"
            | "op-ed"
            | "interview"
            | "testimony"
            | "announcement"
            | "declaration"
            | "reply"
    )
}

/// Words that may sit between a subject and its verb ("he also said").
pub(crate) fn is_adverb_or_aux(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let lw = lower(w, &mut buf);
    matches!(
        lw,
        "also"
            | "later"
            | "then"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "could"
            | "should"
            | "may"
            | "might"
            | "once"
            | "previously"
            | "recently"
            | "further"
            | "simply"
            | "repeatedly"
            | "again"
            | "often"
            | "reportedly"
            | "allegedly"
            | "famously"
            | "publicly"
            | "privately"
            | "flatly"
            | "just"
            | "even"
            | "still"
            | "did"
            | "does"
            | "do"
            | "is"
            | "was"
            | "were"
            | "are"
            | "been"
            | "not"
            | "never"
            | "earlier"
            | "last"
            | "first"
            | "finally"
            | "quickly"
            | "immediately"
            | "bluntly"
            | "angrily"
            | "proudly"
            | "openly"
            | "already"
            | "subsequently"
            | "only"
            | "ultimately"
            | "apparently"
            | "clearly"
            | "actually"
            | "explicitly"
            | "specifically"
            | "in"
            | "turn"
    )
}

/// Capitalised adjectives of parties and origins that a lone capitalised
/// word may be ("the Republican nomination, he …"): never a person.
pub(crate) fn is_group_adjective(w: &str) -> bool {
    matches!(
        w,
        "Republican"
            | "Democratic"
            | "Democrat"
            | "Former"
            | "American"
            | "Conservative"
            | "Liberal"
            | "Libertarian"
            | "Independent"
            | "Progressive"
            | "GOP"
            | "Senate"
            | "House"
            | "White"
            | "Black"
            | "Latino"
            | "Hispanic"
            | "Muslim"
            | "Christian"
            | "Jewish"
    )
}

/// Auxiliaries, modals and past tenses (regular "-ed" or a common
/// irregular one): the words that end a subject noun phrase.
pub(crate) fn is_past_or_aux(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let lw = lower(w, &mut buf);
    if lw.len() > 4 && lw.ends_with("ed") && !lw.ends_with("eed") {
        return true;
    }
    matches!(
        lw,
        "is" | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "began"
            | "went"
            | "made"
            | "took"
            | "gave"
            | "came"
            | "saw"
            | "got"
            | "ran"
            | "won"
            | "lost"
            | "thought"
            | "knew"
            | "felt"
            | "kept"
            | "left"
            | "met"
            | "paid"
            | "put"
            | "sent"
            | "spent"
            | "stood"
            | "brought"
            | "bought"
            | "fought"
            | "held"
            | "led"
            | "meant"
            | "sought"
            | "spoke"
            | "chose"
            | "drew"
            | "grew"
            | "threw"
            | "became"
            | "sees"
            | "seems"
            | "appears"
    )
}

/// Personal pronouns that can be speakers, with their gender (`m`, `f`,
/// `n` neuter/plural, `x` unknown/first person).
pub(crate) fn pronoun_gender(w: &str) -> Option<char> {
    if w.len() > 5 {
        return None;
    }
    let mut buf = [0u8; 24];
    let lw = lower(w, &mut buf);
    Some(match lw {
        "he" | "his" | "him" => 'm',
        "she" | "her" => 'f',
        "they" | "their" | "it" | "its" | "we" | "our" => 'n',
        "i" | "my" => 'x',
        _ => return None,
    })
}

/// Whether the pronoun is possessive (his, her, their…).
pub(crate) fn is_possessive_pronoun(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        "his" | "her" | "their" | "its" | "our" | "my"
    )
}

/// Whether `w` names a day of the week ("Monday"): a time, never a name.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Capitalised words that never start or belong to a name.
pub(crate) fn is_cap_stop(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "The"
                | "A"
                | "An"
                | "But"
                | "And"
                | "Or"
                | "Nor"
                | "In"
                | "On"
                | "At"
                | "For"
                | "If"
                | "When"
                | "While"
                | "After"
                | "Before"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "It"
                | "He"
                | "She"
                | "We"
                | "They"
                | "I"
                | "His"
                | "Her"
                | "Their"
                | "Our"
                | "My"
                | "Your"
                | "You"
                | "As"
                | "So"
                | "Yet"
                | "With"
                | "Without"
                | "From"
                | "By"
                | "To"
                | "Of"
                | "Since"
                | "Because"
                | "Although"
                | "Though"
                | "Still"
                | "Also"
                | "Then"
                | "Now"
                | "Here"
                | "There"
                | "What"
                | "Who"
                | "Why"
                | "How"
                | "Where"
                | "Which"
                | "Asked"
                | "According"
                | "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "Jan."
                | "Feb."
                | "Aug."
                | "Sept."
                | "Oct."
                | "Nov."
                | "Dec."
                | "Speaking"
                | "Writing"
                | "However"
                | "Meanwhile"
                | "Instead"
                | "Indeed"
                | "Yes"
                | "No"
                | "Not"
                | "Even"
                | "Just"
                | "Only"
                | "Some"
                | "Many"
                | "Most"
                | "All"
                | "Both"
                | "Every"
                | "Each"
                | "Other"
                | "Another"
                | "One"
                | "Two"
                | "Last"
                | "Next"
                | "Later"
                | "Earlier"
                | "Today"
                | "Yesterday"
                | "Tomorrow"
                | "Follow"
                | "Watch"
                | "Update"
                | "UPDATE"
                | "Is"
                | "Was"
                | "Are"
                | "Do"
                | "Does"
                | "Did"
                | "Can"
                | "Will"
                | "Would"
                | "Should"
                | "Could"
                | "Let"
                | "Mr"
                | "Thanks"
                | "Despite"
                | "Amid"
                | "Among"
                | "Under"
                | "Over"
                | "Through"
                | "During"
                | "Following"
                | "Including"
                | "Like"
                | "Unlike"
                | "Within"
                | "Across"
                | "Against"
                | "Once"
                | "Whether"
                | "Unless"
                | "Until"
                | "Perhaps"
                | "Maybe"
                | "Neither"
                | "Either"
                | "Such"
                | "Secondly"
                | "Firstly"
                | "Finally"
                | "Likewise"
                | "Holding"
        )
}

/// Title words that precede a name ("Prime Minister", "Sen.").
pub(crate) fn is_title(w: &str) -> bool {
    matches!(
        w,
        "President"
            | "Vice"
            | "Minister"
            | "Prime"
            | "Sen."
            | "Senator"
            | "Gov."
            | "Governor"
            | "Rep."
            | "Representative"
            | "Rev."
            | "Secretary"
            | "Speaker"
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Director"
            | "Judge"
            | "Justice"
            | "Gen."
            | "General"
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Mayor"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "CEO"
            | "Leader"
            | "Ambassador"
            | "Commissioner"
            | "Attorney"
            | "Chief"
            | "Officer"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "Candidate"
            | "Rival"
            | "Nominee"
            | "Pastor"
            | "Professor"
            | "Prof."
            | "Lt."
            | "Col."
            | "Sgt."
            | "Capt."
            | "Adm."
            | "Host"
            | "Anchor"
            | "Sheriff"
            | "Councilman"
            | "Councilwoman"
            | "Chancellor"
            | "Premier"
            | "Sir"
            | "Lord"
            | "Lady"
            | "Dame"
            | "Former"
            | "Democrat"
            | "Republican"
            | "Democratic"
            | "GOP"
            | "Sens."
            | "Reps."
            | "Govs."
            | "Congressman"
            | "Congresswoman"
            | "Treasurer"
            | "Deputy"
            | "Assistant"
            | "Executive"
            | "Founder"
            | "Chairperson"
            | "Lawmaker"
            | "Rabbi"
            | "Father"
            | "Bishop"
            | "Cardinal"
            | "Archbishop"
            | "Coach"
            | "Officials"
            | "Presidential"
            | "Candidates"
            | "Then-President"
            | "Then-candidate"
            | "Foreign"
            | "Defense"
            | "State"
            | "Homeland"
            | "Security"
            | "House"
            | "Senate"
            | "Majority"
            | "Minority"
            | "Whip"
            | "Sec."
            | "Supreme"
            | "Court"
            | "Federal"
            | "Reserve"
            | "Fed"
            | "Press"
            | "White"
            | "Campaign"
            | "Manager"
            | "Adviser"
            | "Advisor"
            | "National"
            | "Committee"
    )
}

/// Words that mark a name as an organisation or place, not a person.
pub(crate) fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Party"
            | "News"
            | "Times"
            | "Post"
            | "Journal"
            | "Committee"
            | "University"
            | "College"
            | "Department"
            | "Ministry"
            | "House"
            | "Senate"
            | "Congress"
            | "Association"
            | "Inc."
            | "Corp."
            | "Group"
            | "Center"
            | "Centre"
            | "Institute"
            | "Council"
            | "Agency"
            | "Bank"
            | "Foundation"
            | "Fund"
            | "Court"
            | "Campaign"
            | "Network"
            | "Company"
            | "Administration"
            | "Office"
            | "Commission"
            | "Service"
            | "Bureau"
            | "Times’"
            | "Press"
            | "Tribune"
            | "Herald"
            | "Magazine"
            | "Review"
            | "Union"
            | "Republicans"
            | "Democrats"
            | "Street"
            | "States"
            | "America"
            | "Club"
            | "Caucus"
            | "Coalition"
            | "Project"
            | "Alliance"
            | "Forum"
            | "Organization"
            | "Federation"
            | "Board"
            | "Reserve"
            | "Police"
            | "Army"
            | "Navy"
            | "Media"
            | "Television"
            | "Radio"
            | "Daily"
            | "Weekly"
            | "Report"
            | "Channel"
            | "PAC"
            | "Watch"
    )
}

/// Lower-case nouns that can head a non-name speaker ("the ministry said").
pub(crate) fn is_speaker_noun(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        "ministry"
            | "department"
            | "agency"
            | "campaign"
            | "statement"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officials"
            | "source"
            | "sources"
            | "report"
            | "committee"
            | "group"
            | "company"
            | "government"
            | "administration"
            | "police"
            | "office"
            | "organization"
            | "commission"
            | "council"
            | "court"
            | "board"
            | "party"
            | "network"
            | "newspaper"
            | "paper"
            | "magazine"
            | "study"
            | "survey"
            | "poll"
            | "analysis"
            | "memo"
            | "letter"
            | "lawsuit"
            | "complaint"
            | "release"
            | "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "critic"
            | "critics"
            | "supporters"
            | "supporter"
            | "protesters"
            | "voters"
            | "voter"
            | "residents"
            | "expert"
            | "experts"
            | "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "researchers"
            | "authors"
            | "book"
            | "petition"
            | "organizations"
            | "groups"
            | "editorial"
            | "column"
            | "lawmakers"
            | "democrats"
            | "republicans"
            | "conservatives"
            | "liberals"
            | "activists"
            | "advocates"
            | "opponents"
            | "prosecutors"
            | "investigators"
            | "officers"
            | "staffer"
            | "staffers"
            | "spokeswomen"
            | "campaigns"
            | "agencies"
            | "governments"
            | "companies"
            | "firm"
            | "firms"
            | "union"
            | "unions"
            | "statute"
            | "constitution"
            | "ads"
            | "flyer"
            | "mailer"
            | "brochure"
            | "pamphlet"
            | "guidance"
            | "rule"
            | "regulation"
            | "policy"
            | "proposal"
            | "plan"
            | "resolution"
            | "measure"
            | "amendment"
            | "motion"
            | "brief"
            | "suit"
            | "decision"
            | "opinion"
            | "verdict"
            | "findings"
            | "data"
            | "figures"
            | "polls"
            | "surveys"
            | "studies"
            | "reports"
            | "journalist"
            | "journalists"
            | "columnist"
            | "commentator"
            | "anchor"
            | "moderator"
            | "panelist"
            | "witness"
            | "witnesses"
            | "neighbor"
            | "neighbors"
            | "student"
            | "students"
            | "teacher"
            | "parents"
            | "official’s"
            | "doctor"
            | "doctors"
            | "scientist"
            | "scientists"
            | "professor"
            | "historian"
            | "attendee"
            | "attendees"
            | "crowd"
            | "audience"
            | "fans"
            | "followers"
            | "bloggers"
            | "blogger"
            | "users"
            | "chairwoman"
            | "secretary"
            | "minister"
            | "ambassador"
            | "general"
            | "mayor"
            | "sheriff"
            | "chief"
            | "executive"
            | "founder"
            | "owner"
            | "organizer"
            | "organizers"
            | "volunteer"
            | "volunteers"
            | "nominee"
            | "frontrunner"
            | "front-runner"
            | "contender"
            | "hopeful"
            | "rival"
            | "challenger"
            | "incumbent"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "legislator"
            | "speaker"
            | "judge’s"
            | "author"
            | "president"
            | "candidate"
            | "senator"
            | "governor"
            | "man"
            | "woman"
            | "person"
            | "people"
            | "ad"
            | "video"
            | "website"
            | "site"
            | "article"
            | "documents"
            | "document"
            | "indictment"
            | "filing"
            | "ruling"
            | "judge"
            | "spokesmen"
            | "representative"
            | "manager"
            | "chairman"
            | "director"
            | "leader"
            | "leaders"
            | "member"
            | "members"
            | "host"
            | "reporter"
            | "reporters"
            | "delegate"
            | "delegates"
            | "operative"
            | "strategist"
            | "pollster"
            | "insider"
            | "insiders"
            | "mother"
            | "father"
            | "wife"
            | "husband"
            | "friend"
            | "daughter"
            | "son"
            | "tweet"
            | "message"
            | "email"
            | "post"
            | "caption"
            | "sign"
            | "signs"
            | "banner"
            | "headline"
            | "transcript"
            | "text"
            | "platform"
            | "bill"
            | "law"
            | "order"
            | "announcement"
            | "businessman"
            | "businesswoman"
            | "mogul"
            | "billionaire"
            | "actress"
            | "actor"
            | "star"
            | "publication"
            | "outlet"
            | "outlets"
            | "singer"
            | "comedian"
            | "pastor"
            | "activist"
            | "advocate"
            | "opponent"
    )
}

/// Determiners that may open a non-name speaker phrase.
pub(crate) fn is_det(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its" | "two" | "three"
    )
}

/// Quantifiers that make a speaker phrase name no single speaker
/// ("both sides called…", "many people say…").
pub(crate) fn is_vague(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(w, &mut buf),
        "both"
            | "many"
            | "some"
            | "all"
            | "few"
            | "several"
            | "most"
            | "others"
            | "everyone"
            | "everybody"
            | "nobody"
            | "someone"
            | "somebody"
            | "anyone"
            | "these"
            | "those"
    )
}

/// A few common first names with their gender, so "she" can skip a man.
pub(crate) fn first_name_gender(w: &str) -> Option<char> {
    Some(match w {
        "Donald" | "Bernie" | "Ted" | "Marco" | "Ben" | "Jeb" | "Barack" | "Bill" | "John"
        | "Mike" | "Michael" | "Chris" | "Paul" | "Rand" | "Scott" | "Jim" | "James" | "Joe"
        | "Tim" | "Mitt" | "George" | "Robert" | "Bob" | "David" | "Steve" | "Stephen" | "Mark"
        | "Tom" | "Thomas" | "Richard" | "Rick" | "Jeff" | "Eric" | "Kevin" | "Mitch" | "Harry"
        | "Newt" | "Rudy" | "Jared" | "Corey" | "Reince" | "Sean" | "Peter" | "Matt" | "Andrew"
        | "Brian" | "Daniel" | "Dan" | "William" | "Charles" | "Jack" | "Frank" | "Gary"
        | "Larry" | "Martin" | "Patrick" | "Pat" | "Lindsey" | "Rex" | "Vladimir" | "Xi"
        | "Shinzo" | "Emmanuel" | "Justin" | "Boris" | "Kim" | "Tony" | "Anthony" | "Elon"
        | "Jerome" | "Hunter" | "Chuck" => {
            if w == "Kim" || w == "Lindsey" || w == "Pat" {
                return None;
            }
            'm'
        }
        "Hillary" | "Sanae" | "Nancy" | "Elizabeth" | "Sarah" | "Carly" | "Kellyanne"
        | "Michelle" | "Melania" | "Ivanka" | "Chelsea" | "Huma" | "Debbie" | "Mary" | "Susan"
        | "Jennifer" | "Karen" | "Lisa" | "Linda" | "Patricia" | "Barbara" | "Margaret"
        | "Jessica" | "Emily" | "Anna" | "Angela" | "Theresa" | "Kamala" | "Hope" | "Megyn"
        | "Laura" | "Maria" | "Rachel" | "Nikki" | "Kate" | "Catherine" | "Julia" | "Jill"
        | "Amy" | "Ann" | "Anne" | "Janet" | "Christine" | "Ursula" | "Giorgia" | "Marine"
        | "Condoleezza" | "Madeleine" | "Samantha" | "Kirsten" | "Tulsi" | "Alexandria"
        | "Ilhan" | "Rashida" | "Ayanna" => 'f',
        _ => return None,
    })
}
