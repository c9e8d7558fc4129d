//! A compact arena copy of the parsed page's `<body>`: only what the
//! extractor looks at (tags, class/id, text), with invisible and
//! non-content subtrees dropped, plus per-node text statistics.

use scraper::{ElementRef, Html, Node as SNode};

/// Tags the extractor distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    P,
    H(u8),
    Li,
    Ul,
    Ol,
    Dl,
    Dt,
    Dd,
    Table,
    Tr,
    Td,
    Blockquote,
    Figure,
    Figcaption,
    Pre,
    Br,
    A,
    Div,
    Section,
    Article,
    Main,
    Nav,
    Aside,
    Footer,
    Header,
    Form,
    Body,
    Address,
    Img,
    /// Another block-level element (treated like `div`).
    OtherBlock,
    /// An inline element (`span`, `em`, `strong`, …).
    Inline,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "li" => Tag::Li,
            "ul" | "menu" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "blockquote" => Tag::Blockquote,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "pre" => Tag::Pre,
            "br" | "hr" => Tag::Br,
            "a" => Tag::A,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "footer" => Tag::Footer,
            "header" => Tag::Header,
            "form" => Tag::Form,
            "body" => Tag::Body,
            "address" => Tag::Address,
            "img" | "picture" => Tag::Img,
            "center" | "fieldset" | "details" | "summary" | "hgroup" | "caption" | "tbody"
            | "thead" | "tfoot" => Tag::OtherBlock,
            _ => Tag::Inline,
        }
    }

    /// Whether the tag starts a new line of text.
    pub(crate) fn is_block(self) -> bool {
        !matches!(self, Tag::Inline | Tag::A | Tag::Img | Tag::Td)
    }
}

/// One arena node.
#[derive(Debug)]
pub(crate) struct Node {
    /// Parent index (the root points to itself).
    pub parent: usize,
    /// Child indices in document order.
    pub children: Vec<usize>,
    /// Element tag, or `None` for a text node.
    pub tag: Option<Tag>,
    /// Lower-cased `class` and `id` (and `role`, `itemprop`) joined by spaces.
    pub sig: String,
    /// Byte range of a text node's raw text in [`Dom::buf`].
    pub text: (usize, usize),
    /// Text characters (non-whitespace) below this node.
    pub text_len: usize,
    /// Of which inside links.
    pub link_len: usize,
    /// Commas below this node.
    pub commas: usize,
    /// `<p>` elements below this node.
    pub paras: usize,
    /// Depth in the arena (root = 0).
    pub depth: usize,
}

impl Node {
    /// A node whose text statistics are still to be computed.
    fn new(
        parent: usize,
        tag: Option<Tag>,
        sig: String,
        text: (usize, usize),
        depth: usize,
    ) -> Node {
        Node {
            parent,
            children: Vec::new(),
            tag,
            sig,
            text,
            text_len: 0,
            link_len: 0,
            commas: 0,
            paras: 0,
            depth,
        }
    }
}

/// The arena.
pub(crate) struct Dom {
    /// Nodes in document (pre-)order: a parent precedes its children.
    pub nodes: Vec<Node>,
    /// All text of text nodes, concatenated.
    pub buf: String,
    /// Whether the node cap was hit.
    pub capped: bool,
}

/// At most this many arena nodes are built; the rest of a page is ignored.
pub(crate) const MAX_NODES: usize = 400_000;
/// Elements nested deeper than this are flattened into their ancestor.
const MAX_DEPTH: usize = 512;

/// Elements whose content is never article text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "head"
            | "link"
            | "meta"
            | "title"
            | "map"
            | "dialog"
    )
}

/// Whether the element is hidden from readers.
fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

impl Dom {
    /// Builds the arena from the document's `<body>` (or its root).
    pub(crate) fn build(html: &Html) -> Dom {
        let mut dom = Dom {
            nodes: Vec::with_capacity(4096),
            buf: String::new(),
            capped: false,
        };
        let root_el = html.root_element();
        let body = root_el
            .children()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "body")
            .unwrap_or(root_el);
        dom.nodes
            .push(Node::new(0, Some(Tag::Body), String::new(), (0, 0), 0));
        // Explicit stack (no recursion: pages nest 10,000 deep). `None`
        // marks the end of a block flattened past the depth cap.
        let mut stack = Vec::new();
        for c in body.children().rev() {
            stack.push((Some(c), 0));
        }
        while let Some((n, parent)) = stack.pop() {
            if dom.nodes.len() >= MAX_NODES {
                dom.capped = true;
                break;
            }
            let Some(n) = n else {
                dom.push_text(parent, "\n");
                continue;
            };
            match n.value() {
                SNode::Text(t) => dom.push_text(parent, t),
                SNode::Element(el) => {
                    let name = el.name();
                    if is_skipped(name) || is_hidden(el) {
                        continue;
                    }
                    let depth = dom.nodes[parent].depth + 1;
                    // Past the depth cap, children attach to the capped
                    // ancestor so their text survives without deeper
                    // nesting; a flattened block is set off by line breaks
                    // so that its words do not run into its neighbours'.
                    let idx = if depth > MAX_DEPTH {
                        if Tag::from_name(name).is_block() {
                            dom.push_text(parent, "\n");
                            stack.push((None, parent));
                        }
                        parent
                    } else {
                        let mut sig = String::new();
                        for key in ["class", "id", "role", "itemprop"] {
                            if let Some(v) = el.attr(key) {
                                if !sig.is_empty() {
                                    sig.push(' ');
                                }
                                // Long attribute values carry no signal.
                                let v = v.get(..v.len().min(256)).unwrap_or("");
                                sig.push_str(&v.to_ascii_lowercase());
                            }
                        }
                        dom.push_child(Node::new(
                            parent,
                            Some(Tag::from_name(name)),
                            sig,
                            (0, 0),
                            depth,
                        ))
                    };
                    for c in n.children().rev() {
                        stack.push((Some(c), idx));
                    }
                }
                _ => {}
            }
        }
        dom.compute_stats();
        dom
    }

    /// Appends `node` as the last child of its parent; returns its index.
    fn push_child(&mut self, node: Node) -> usize {
        let idx = self.nodes.len();
        self.nodes[node.parent].children.push(idx);
        self.nodes.push(node);
        idx
    }

    /// Appends a text node holding `t` under `parent`.
    fn push_text(&mut self, parent: usize, t: &str) {
        let start = self.buf.len();
        self.buf.push_str(t);
        let depth = self.nodes[parent].depth + 1;
        let text = (start, self.buf.len());
        self.push_child(Node::new(parent, None, String::new(), text, depth));
    }

    /// Fills the text statistics bottom-up (children follow parents).
    fn compute_stats(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            let (tl, cm) = if self.nodes[i].tag.is_none() {
                let (s, e) = self.nodes[i].text;
                let t = &self.buf[s..e];
                (
                    t.chars().filter(|c| !c.is_whitespace()).count(),
                    t.matches([',', '，', '、']).count(),
                )
            } else {
                (0, 0)
            };
            let node = &mut self.nodes[i];
            node.text_len += tl;
            node.commas += cm;
            if node.tag == Some(Tag::A) {
                node.link_len = node.text_len;
            }
            if node.tag == Some(Tag::P) {
                node.paras += 1;
            }
            if i == 0 {
                break;
            }
            let (p, tl, ll, cm, pa) = (
                node.parent,
                node.text_len,
                node.link_len,
                node.commas,
                node.paras,
            );
            let parent = &mut self.nodes[p];
            parent.text_len += tl;
            parent.link_len += ll;
            parent.commas += cm;
            parent.paras += pa;
        }
    }

    /// Share of a node's text that sits inside links.
    pub(crate) fn link_density(&self, i: usize) -> f32 {
        let n = &self.nodes[i];
        if n.text_len == 0 {
            0.0
        } else {
            n.link_len as f32 / n.text_len as f32
        }
    }

    /// Raw text of a text node.
    pub(crate) fn text_of(&self, i: usize) -> &str {
        let (s, e) = self.nodes[i].text;
        self.buf.get(s..e).unwrap_or("")
    }
}
