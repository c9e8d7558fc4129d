//! Main-content extraction: score containers by the paragraphs they hold
//! (text length, commas, link density, tag and class/id signals), take the
//! best one with its related siblings, then write its blocks while dropping
//! boilerplate inside it.

use crate::dom::{Dom, Tag};
use crate::re;
use claimdex_model::{Block, BlockKind, Span};
use regex::Regex;
use std::sync::LazyLock;

/// class/id words of page furniture: never the article's container.
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"-ad-|\bads?\b|advert|ai2html|banner|breadcrumb|combx|comment|community|cookie|consent|cover-wrap|disqus|footer|gdpr|masthead|menu|navbar|\bnav\b|navigation|newsletter|outbrain|taboola|paywall|popup|related|recommend|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|pagination|pager|promo|teaser|trending|most-?popular|widget|signup|sign-up|modal|toolbar|skip-link|visually-hidden|sr-only|screen-reader|print-only|author-bio|about-the-author|\btags?\b|tag-list|topics|keywords|jump-link|byline|dateline",
    )
});
/// class/id words of reader comments: furniture however much text they hold.
static COMMENTS: LazyLock<Regex> =
    LazyLock::new(|| re(r"comment|disqus|replies|respond|discussion|reactions"));
/// class/id words that rescue a node matched by [`UNLIKELY`].
static MAYBE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\band\b|article|body|column|content|main|shadow|story|entry|post-text"));
/// class/id words that lower a container's score.
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"-ad-|hidden|\bhid\b|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|credit|byline|author|timestamp|date|social|recirc|newsletter|subscribe|more-|read-more|also",
    )
});
/// class/id words that raise a container's score.
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|articlebody|article-body|story-body|paragraph",
    )
});
/// class/id words of captions and credits.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"caption|credit|photo-?by|image-?source|wp-caption|media-?meta|img-?desc")
});
/// ARIA roles of page furniture.
static BAD_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:navigation|complementary|banner|contentinfo|menu|menubar|dialog|alertdialog|search|toolbar|tablist)\b",
    )
});

/// Whole lines of page furniture that sit inside article containers.
static BOILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:advert(?:isement)?|ad|ads|sponsored(?: content)?|don'?t miss|read more|read next|more from .{1,40}|related(?: articles| stories| content| coverage)?|tags?|topics?|comments?|\d+ comments?|share(?: this(?: article| story| post)?)?(?: on .{1,20})?|subscribe|text size|highlights|print|email|listen|view comments|more great .{1,30} stories|recommended(?: for you)?|you may also like|trending now|this slideshow requires javascript\.?|.{0,40}share it with a friend!?|story continues below(?: advertisement)?|continue reading(?: below)?|image|photo|video|loading\.*|skip to .{1,30}|back to top)[\s:.!]*$",
    )
});
/// Lines that open a credits or copyright trailer.
static TRAILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:copyright\b|©|\(c\) ?\d{4}|all rights reserved|follow (?:me|us|him|her) on\b|follow\b.{0,60}\bon (?:twitter|facebook|instagram|linkedin)\b|this (?:document|article|material) (?:is subject to copyright|may not be)|(?:image|photo|picture)s? (?:credit|courtesy|by|source)\b|\((?:image|photo)s?(?: credit)?:)",
    )
});
/// Words that mark a dateline or byline line ("Published Nov. 3, 2024").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:posted|published|updated|last (?:updated|modified)|publicado|atualizado|veröffentlicht|aktualisiert|publié|mis à jour)\b",
    )
});

/// A clock time ("9:45", "21:05"), which turns a short dated line into a
/// dateline.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| re(r"\b\d{1,2}[:h]\d\d\b"));

/// Whether a finished line of text is furniture rather than article.
fn is_boiler_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words <= 8 && BOILER_LINE.is_match(line) {
        return true;
    }
    if words <= 30 && TRAILER_LINE.is_match(line) {
        return true;
    }
    // Datelines: short lines that are mostly a date, or say when posted.
    if words <= 14 && line.len() <= 120 {
        let dated = crate::dates::human_date(line).is_some();
        if dated && (DATELINE.is_match(line) || words <= 6 || CLOCK.is_match(line)) {
            return true;
        }
    }
    false
}

/// The extracted article.
pub(crate) struct Extracted {
    pub text: String,
    pub blocks: Vec<Block>,
}

fn class_weight(sig: &str) -> f32 {
    if sig.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if NEGATIVE.is_match(sig) {
        w -= 25.0;
    }
    if POSITIVE.is_match(sig) {
        w += 25.0;
    }
    w
}

/// Whether a node is page furniture by its tag, role or class/id.
fn is_unlikely(dom: &Dom, i: usize) -> bool {
    let n = &dom.nodes[i];
    match n.tag {
        Some(Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header) => return true,
        Some(Tag::Body | Tag::Article | Tag::Main | Tag::A) | None => return false,
        _ => {}
    }
    if n.sig.is_empty() {
        return false;
    }
    if BAD_ROLE.is_match(&n.sig) {
        return true;
    }
    if !UNLIKELY.is_match(&n.sig) || MAYBE.is_match(&n.sig) {
        return false;
    }
    // Page builders wrap the article in "widget" or "sidebar" boxes; many
    // real paragraphs with few links mean content, unless it is comments.
    let prose = n.paras >= 5 && n.text_len > 1000 && dom.link_density(i) < 0.3;
    !prose || COMMENTS.is_match(&n.sig)
}

fn tag_weight(t: Tag) -> f32 {
    match t {
        Tag::Div | Tag::Article | Tag::Section | Tag::Main => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H(_) => -5.0,
        _ => 0.0,
    }
}

/// Text characters directly inside a node (not in child elements).
fn direct_text_len(dom: &Dom, i: usize) -> usize {
    dom.nodes[i]
        .children
        .iter()
        .filter(|&&c| dom.nodes[c].tag.is_none() || dom.nodes[c].tag.is_some_and(|t| !t.is_block()))
        .map(|&c| dom.nodes[c].text_len)
        .sum()
}

/// Runs the extraction.
pub(crate) fn extract(dom: &Dom) -> Extracted {
    let n = dom.nodes.len();
    // Furniture, inherited by descendants.
    // A node holding most of the page's text is a wrapper whatever its
    // class says ("page-ad-margins", "container-sidebar", "paywall").
    let wrapper = (dom.nodes[0].text_len as f32 * 0.4) as usize;
    let mut excluded = vec![false; n];
    for i in 0..n {
        let p = dom.nodes[i].parent;
        // Navigation, asides and footers are furniture even when they hold
        // most of a (thin) page's text.
        let by_tag = matches!(dom.nodes[i].tag, Some(Tag::Nav | Tag::Aside | Tag::Footer));
        excluded[i] = (i != 0 && excluded[p])
            || by_tag
            || (dom.nodes[i].text_len <= wrapper && is_unlikely(dom, i));
    }

    // Score paragraphs into their ancestors.
    let mut score = vec![0.0f32; n];
    let mut init = vec![false; n];
    for (i, &excl) in excluded.iter().enumerate() {
        if excl {
            continue;
        }
        let Some(tag) = dom.nodes[i].tag else {
            continue;
        };
        let len = match tag {
            Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote => dom.nodes[i].text_len,
            Tag::Div | Tag::Section | Tag::OtherBlock | Tag::Article => direct_text_len(dom, i),
            _ => continue,
        };
        if len < 25 {
            continue;
        }
        let commas = dom.nodes[i].commas.min(len / 10 + 1);
        let s = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        let mut a = i;
        for level in 0..5 {
            if a == 0 && level > 0 {
                break;
            }
            let anc = if level == 0
                && matches!(
                    tag,
                    Tag::Div | Tag::Section | Tag::OtherBlock | Tag::Article
                ) {
                i
            } else {
                let p = dom.nodes[a].parent;
                if p == a {
                    break;
                }
                a = p;
                p
            };
            if !init[anc] {
                init[anc] = true;
                let t = dom.nodes[anc].tag.unwrap_or(Tag::Inline);
                score[anc] += tag_weight(t) + class_weight(&dom.nodes[anc].sig);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc] += s / div;
            if anc == 0 {
                break;
            }
        }
    }
    for i in 0..n {
        if init[i] {
            score[i] *= 1.0 - dom.link_density(i);
        }
    }
    let top = (0..n)
        .filter(|&i| init[i] && !excluded[i])
        .max_by(|&a, &b| score[a].total_cmp(&score[b]));
    let Some(mut top) = top else {
        return emit(dom, &[0], &excluded);
    };
    // Content split into parts (sections between figures): when several
    // strong candidates share an ancestor, that ancestor is the article.
    let mut ranked: Vec<usize> = (0..n)
        .filter(|&i| init[i] && !excluded[i] && i != top)
        .collect();
    ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let alts: Vec<usize> = ranked
        .into_iter()
        .take(4)
        .filter(|&a| score[a] >= score[top] * 0.75 && !is_within(dom, a, top))
        .collect();
    if alts.len() >= 3 {
        let mut anc = dom.nodes[top].parent;
        while anc != 0 {
            if alts.iter().filter(|&&a| is_within(dom, a, anc)).count() >= 3 {
                top = anc;
                break;
            }
            anc = dom.nodes[anc].parent;
        }
    }
    // A lone child carries no more than its parent: climb.
    while top != 0 {
        let p = dom.nodes[top].parent;
        let only = dom.nodes[p]
            .children
            .iter()
            .filter(|&&c| dom.nodes[c].text_len > 0)
            .count()
            == 1;
        if !only || excluded[p] {
            break;
        }
        top = p;
    }

    // Related siblings.
    let top_score = score[top];
    let mut roots = Vec::new();
    if top == 0 {
        roots.push(0);
    } else {
        let parent = dom.nodes[top].parent;
        let threshold = (top_score * 0.2).max(10.0);
        for &s in &dom.nodes[parent].children {
            if s == top {
                roots.push(s);
                continue;
            }
            if excluded[s] || dom.nodes[s].text_len == 0 {
                continue;
            }
            let mut bonus = 0.0;
            let same_class = !dom.nodes[s].sig.is_empty() && dom.nodes[s].sig == dom.nodes[top].sig;
            if same_class {
                bonus = top_score * 0.2;
            }
            let ld = dom.link_density(s);
            // A part of the article split off by a figure carries the same
            // class as the top part, even when its paragraphs sit too deep
            // to have scored it.
            let keep = (same_class && ld < 0.5 && dom.nodes[s].text_len >= 100)
                || (init[s] && score[s] + bonus >= threshold)
                || (dom.nodes[s].tag == Some(Tag::P) && {
                    let len = dom.nodes[s].text_len;
                    (len > 80 && ld < 0.25)
                        || (len > 0 && len <= 80 && ld == 0.0 && { ends_sentence(dom, s) })
                });
            if keep {
                roots.push(s);
            }
        }
    }
    let ex = emit(dom, &roots, &excluded);
    if ex.text.is_empty() {
        // Nothing survived the cleaning (thin pages, alert tickers, forum
        // posts): fall back to all non-furniture text of the page.
        return emit(dom, &[0], &excluded);
    }
    ex
}

/// Whether `i` is `anc` or lies below it.
fn is_within(dom: &Dom, mut i: usize, anc: usize) -> bool {
    loop {
        if i == anc {
            return true;
        }
        let p = dom.nodes[i].parent;
        if p == i || dom.nodes[i].depth <= dom.nodes[anc].depth {
            return false;
        }
        i = p;
    }
}

/// Whether a node's text ends like a sentence.
fn ends_sentence(dom: &Dom, i: usize) -> bool {
    let mut last_text = "";
    let mut stack = vec![i];
    let mut order = Vec::new();
    while let Some(x) = stack.pop() {
        order.push(x);
        stack.extend(dom.nodes[x].children.iter().rev().copied());
    }
    for x in order {
        if dom.nodes[x].tag.is_none() && dom.nodes[x].text_len > 0 {
            last_text = dom.text_of(x);
        }
    }
    last_text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '»'])
}

/// Whether an element inside the article is boilerplate to drop.
fn drop_inside(dom: &Dom, i: usize) -> bool {
    let node = &dom.nodes[i];
    let Some(tag) = node.tag else { return false };
    if is_unlikely(dom, i) {
        return true;
    }
    // The headline is metadata, captions and credits are not running text.
    if matches!(tag, Tag::H(1) | Tag::Figcaption) || CAPTION.is_match(&node.sig) {
        return true;
    }
    let ld = dom.link_density(i);
    match tag {
        Tag::Div
        | Tag::Section
        | Tag::Ul
        | Tag::Ol
        | Tag::Table
        | Tag::Form
        | Tag::Dl
        | Tag::OtherBlock
        | Tag::Figure => {
            let w = class_weight(&node.sig);
            if w < 0.0 && node.paras < 3 {
                return true;
            }
            if ld > 0.5 {
                return true;
            }
            ld > 0.25 && node.paras == 0 && node.text_len < 300
        }
        Tag::Li => ld > 0.85,
        Tag::P => ld > 0.8 && node.text_len < 200,
        _ => false,
    }
}

fn kind_of(tag: Tag, outer: BlockKind) -> BlockKind {
    match tag {
        Tag::H(_) => BlockKind::Heading,
        Tag::Li | Tag::Dt | Tag::Dd => BlockKind::ListItem,
        Tag::Tr => BlockKind::TableRow,
        Tag::Blockquote => BlockKind::BlockQuote,
        Tag::Figcaption => BlockKind::Caption,
        _ => match outer {
            BlockKind::Paragraph | BlockKind::Heading => BlockKind::Paragraph,
            other => other,
        },
    }
}

/// Writes blocks for the chosen roots.
struct Emitter {
    out: String,
    blocks: Vec<Block>,
    buf: String,
    space: bool,
}

impl Emitter {
    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                self.space = true;
            } else {
                if self.space && !self.buf.is_empty() {
                    self.buf.push(' ');
                }
                self.space = false;
                self.buf.push(c);
            }
        }
    }

    fn flush(&mut self, kind: BlockKind) {
        self.space = false;
        if self.buf.is_empty() {
            return;
        }
        if is_boiler_line(&self.buf) {
            self.buf.clear();
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let start = self.out.len();
        self.out.push_str(&self.buf);
        self.blocks.push(Block {
            kind,
            span: Span::new(start, self.out.len()),
        });
        self.buf.clear();
    }
}

enum Ev {
    Enter(usize),
    Exit(BlockKind),
}

fn emit(dom: &Dom, roots: &[usize], excluded: &[bool]) -> Extracted {
    let mut e = Emitter {
        out: String::new(),
        blocks: Vec::new(),
        buf: String::new(),
        space: false,
    };
    let mut kinds = vec![BlockKind::Paragraph];
    for &r in roots {
        let mut stack = vec![Ev::Enter(r)];
        while let Some(ev) = stack.pop() {
            match ev {
                Ev::Exit(kind) => {
                    e.flush(kind);
                    kinds.pop();
                }
                Ev::Enter(i) => {
                    let node = &dom.nodes[i];
                    let Some(tag) = node.tag else {
                        e.push_text(dom.text_of(i));
                        continue;
                    };
                    // Roots were chosen as content; below them, drop furniture.
                    if i != r && drop_inside(dom, i) {
                        continue;
                    }
                    if r == 0 && excluded[i] {
                        continue;
                    }
                    let outer = kinds.last().copied().unwrap_or(BlockKind::Paragraph);
                    match tag {
                        Tag::Br => e.flush(outer),
                        Tag::Td => {
                            e.space = true;
                            for &c in node.children.iter().rev() {
                                stack.push(Ev::Enter(c));
                            }
                        }
                        t if t.is_block() => {
                            e.flush(outer);
                            let k = kind_of(t, outer);
                            kinds.push(k);
                            stack.push(Ev::Exit(k));
                            for &c in node.children.iter().rev() {
                                stack.push(Ev::Enter(c));
                            }
                        }
                        _ => {
                            for &c in node.children.iter().rev() {
                                stack.push(Ev::Enter(c));
                            }
                        }
                    }
                }
            }
        }
        let outer = kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        e.flush(outer);
    }
    Extracted {
        text: e.out,
        blocks: e.blocks,
    }
}
