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
        loop {
            let Some(&(j, d)) = it.peek() else { break };
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

/// Verbs (and participles) that introduce or attribute speech.
pub(crate) fn is_cue_verb(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    matches!(
        lw.as_str(),
        "say"
            | "said"
            | "says"
            | "saying"
            | "tell"
            | "told"
            | "tells"
            | "telling"
            | "add"
            | "added"
            | "adds"
            | "adding"
            | "write"
            | "wrote"
            | "writes"
            | "writing"
            | "tweet"
            | "tweeted"
            | "tweets"
            | "tweeting"
            | "argue"
            | "argued"
            | "argues"
            | "arguing"
            | "ask"
            | "asked"
            | "asks"
            | "asking"
            | "explain"
            | "explained"
            | "explains"
            | "explaining"
            | "note"
            | "noted"
            | "notes"
            | "noting"
            | "state"
            | "stated"
            | "states"
            | "declare"
            | "declared"
            | "declares"
            | "declaring"
            | "insist"
            | "insisted"
            | "insists"
            | "insisting"
            | "claim"
            | "claimed"
            | "claims"
            | "claiming"
            | "continue"
            | "continued"
            | "continues"
            | "reply"
            | "replied"
            | "replies"
            | "respond"
            | "responded"
            | "responds"
            | "recall"
            | "recalled"
            | "recalls"
            | "warn"
            | "warned"
            | "warns"
            | "warning"
            | "urge"
            | "urged"
            | "urges"
            | "call"
            | "called"
            | "calls"
            | "calling"
            | "describe"
            | "described"
            | "describes"
            | "describing"
            | "announce"
            | "announced"
            | "announces"
            | "acknowledge"
            | "acknowledged"
            | "acknowledges"
            | "admit"
            | "admitted"
            | "admits"
            | "concede"
            | "conceded"
            | "concedes"
            | "suggest"
            | "suggested"
            | "suggests"
            | "joke"
            | "joked"
            | "jokes"
            | "quipped"
            | "quips"
            | "remark"
            | "remarked"
            | "observed"
            | "predicted"
            | "predicts"
            | "promise"
            | "promised"
            | "promises"
            | "promising"
            | "vow"
            | "vowed"
            | "vows"
            | "vowing"
            | "pledge"
            | "pledged"
            | "pledges"
            | "boast"
            | "boasted"
            | "boasts"
            | "complain"
            | "complained"
            | "complains"
            | "charge"
            | "charged"
            | "charges"
            | "contend"
            | "contended"
            | "contends"
            | "counter"
            | "countered"
            | "counters"
            | "maintain"
            | "maintained"
            | "maintains"
            | "report"
            | "reported"
            | "reports"
            | "post"
            | "posted"
            | "posts"
            | "shout"
            | "shouted"
            | "yelled"
            | "testify"
            | "testified"
            | "conclude"
            | "concluded"
            | "concludes"
            | "emphasize"
            | "emphasized"
            | "emphasizes"
            | "emphasised"
            | "stress"
            | "stressed"
            | "stresses"
            | "mused"
            | "wonder"
            | "wondered"
            | "wonders"
            | "demand"
            | "demanded"
            | "demands"
            | "blasted"
            | "slammed"
            | "accuse"
            | "accused"
            | "accuses"
            | "labeled"
            | "labelled"
            | "dubbed"
            | "thundered"
            | "exclaimed"
            | "cautioned"
            | "assured"
            | "confirm"
            | "confirmed"
            | "confirms"
            | "deny"
            | "denied"
            | "denies"
            | "lamented"
            | "laments"
            | "chimed"
            | "opined"
            | "agreed"
            | "agrees"
            | "proclaimed"
            | "retorted"
            | "scoffed"
            | "fumed"
            | "bragged"
            | "touted"
            | "hinted"
            | "whispered"
            | "read"
            | "reads"
            | "began"
            | "begins"
            | "went"
            | "goes"
            | "tells"
            | "speaks"
            | "spoke"
            | "speaking"
            | "answered"
            | "answers"
            | "interjected"
            | "pressed"
            | "responding"
            | "replying"
            | "predicting"
            | "thanked"
            | "praised"
            | "criticized"
            | "criticised"
            | "mocked"
            | "expressed"
            | "referred"
            | "referring"
            | "offered"
            | "putting"
            | "put"
            | "wrote:"
    )
}

/// Nouns that name a statement: "her intent to…", "Trump’s claim that…".
pub(crate) fn is_cue_noun(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    matches!(
        lw.as_str(),
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
    let lw = w.to_ascii_lowercase();
    matches!(
        lw.as_str(),
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

/// Personal pronouns that can be speakers, with their gender (`m`, `f`,
/// `n` neuter/plural, `x` unknown/first person).
pub(crate) fn pronoun_gender(w: &str) -> Option<char> {
    let lw = w.to_ascii_lowercase();
    Some(match lw.as_str() {
        "he" | "his" | "him" => 'm',
        "she" | "her" => 'f',
        "they" | "their" | "it" | "its" | "we" | "our" => 'n',
        "i" | "my" => 'x',
        _ => return None,
    })
}

/// Whether the pronoun is possessive (his, her, their…).
pub(crate) fn is_possessive_pronoun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "his" | "her" | "their" | "its" | "our" | "my"
    )
}

/// Capitalised words that never start or belong to a name.
pub(crate) fn is_cap_stop(w: &str) -> bool {
    matches!(
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
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
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
            | "Read"
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
            | "U.S."
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
    matches!(
        w.to_ascii_lowercase().as_str(),
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
            | "editorial"
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
    )
}

/// Determiners that may open a non-name speaker phrase.
pub(crate) fn is_det(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its" | "two" | "three"
    )
}

/// Quantifiers that make a speaker phrase name no single speaker
/// ("both sides called…", "many people say…").
pub(crate) fn is_vague(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
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
