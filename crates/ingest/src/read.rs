//! Readers: command-line inputs → a stream of documents (or skip reasons).
//!
//! Files are chosen by name: `.txt`, `.md`/`.markdown`, `.html`/`.htm`
//! (also `.gz`), `.jsonl`/`.ndjson` (also `.gz`, `.zst`), `.warc` (also
//! `.gz`, `.zst`, see [`crate::warc`]); `-` is stdin read as
//! JSONL. Directories are walked in file-name order, hidden entries
//! skipped. Everything streams: a JSONL file is read a line at a time and
//! no reader holds more than one document.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use claimdex_model::{Document, SourceFormat};
use jiff::civil::Date;
use serde::Deserialize;

use crate::decode::decode;
use crate::error::SkipReason;

/// Default cap on one document (file or record): 64 MiB.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Largest file or record accepted, in bytes.
    pub max_doc_bytes: u64,
    /// Give HTML pages out unparsed, as [`Item::Page`], so that the caller
    /// can parse them with [`Page::parse`] on other threads (parsing is
    /// most of the cost of reading a page). Off: pages come as
    /// [`Item::Doc`], followed by their [`Item::Warning`]s.
    pub defer_html: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            defer_html: false,
        }
    }
}

/// One item of the input stream.
#[derive(Debug)]
pub enum Item {
    /// A document, ready for analysis.
    Doc(Box<Document>),
    /// An HTML page still to be parsed (only with
    /// [`ReadOptions::defer_html`]).
    Page(Box<Page>),
    /// An input that could not be read; the stream goes on.
    Skip(SkipReason),
    /// A file that is not of a supported kind, passed over (not an error).
    Unsupported(PathBuf),
    /// A record that holds no document (a WARC request, metadata or
    /// non-HTML response), passed over and counted by kind (not an error).
    Passed(&'static str),
    /// A warning about the document just before it in the stream (e.g. an
    /// HTML page cut at the size cap): the document was read, not skipped.
    Warning {
        /// Where the document came from (`path`, `path:line`, `path#record`).
        source: String,
        /// A stable code for counting warnings by kind (e.g. `no_date`;
        /// see `claimdex_html::PageWarning::kind`).
        kind: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

/// What kind of file a path names, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page, maybe gzipped.
    Html {
        /// Whether it is gzip-compressed.
        gzip: bool,
    },
    /// JSON Lines, maybe gzipped.
    Jsonl {
        /// Whether it is gzip-compressed.
        gzip: bool,
    },
    /// JSON Lines, zstd-compressed (`.jsonl.zst`, `.ndjson.zst`).
    JsonlZst,
    /// A WARC web archive, maybe gzipped.
    Warc {
        /// Whether it is gzip-compressed.
        gzip: bool,
    },
    /// A WARC web archive, zstd-compressed.
    WarcZst,
}

impl FileKind {
    /// The kind of file `path` names, or `None` when unsupported.
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if let Some(stem) = name.strip_suffix(".zst") {
            return match stem.rsplit_once('.').map(|(_, e)| e)? {
                "jsonl" | "ndjson" => Some(FileKind::JsonlZst),
                "warc" => Some(FileKind::WarcZst),
                _ => None,
            };
        }
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem, true),
            None => (name.as_str(), false),
        };
        let ext = stem.rsplit_once('.').map(|(_, e)| e)?;
        match (ext, gzip) {
            ("txt" | "text", false) => Some(FileKind::Text),
            ("md" | "markdown", false) => Some(FileKind::Markdown),
            ("html" | "htm", gzip) => Some(FileKind::Html { gzip }),
            ("jsonl" | "ndjson", gzip) => Some(FileKind::Jsonl { gzip }),
            ("warc", gzip) => Some(FileKind::Warc { gzip }),
            _ => None,
        }
    }
}

/// Streams the documents of every input argument, in argument order.
pub fn read_inputs(args: Vec<String>, opts: ReadOptions) -> impl Iterator<Item = Item> {
    args.into_iter()
        .flat_map(move |arg| read_arg(arg, opts.clone()))
}

fn read_arg(arg: String, opts: ReadOptions) -> Box<dyn Iterator<Item = Item>> {
    if arg == "-" {
        let stdin = BufReader::new(io::stdin());
        return Box::new(JsonlReader::new(Box::new(stdin), PathBuf::from("-"), opts));
    }
    let path = PathBuf::from(&arg);
    match std::fs::metadata(&path) {
        Err(source) => Box::new(std::iter::once(Item::Skip(SkipReason::Io { path, source }))),
        Ok(meta) if meta.is_dir() => Box::new(walk_dir(path, opts)),
        // A file named on the command line is read even when its name
        // says nothing of its type (`notes.log`, `article`): the user asked
        // for it, so it is taken as plain text, and the text decoder still
        // rejects binary content with a clear reason.
        Ok(_) => {
            let kind = FileKind::of(&path).unwrap_or(FileKind::Text);
            read_file_as(path, arg, kind, opts)
        }
    }
}

fn walk_dir(root: PathBuf, opts: ReadOptions) -> impl Iterator<Item = Item> {
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    walker.flat_map(move |entry| -> Box<dyn Iterator<Item = Item>> {
        match entry {
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.clone());
                let reason = err
                    .io_error()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| err.to_string());
                Box::new(std::iter::once(Item::Skip(SkipReason::Walk {
                    path,
                    reason,
                })))
            }
            Ok(entry) if entry.file_type().is_file() => {
                let path = entry.path().to_path_buf();
                let rel = path.strip_prefix(&root).unwrap_or(&path);
                let id = rel.to_string_lossy().replace('\\', "/");
                read_file(path, id, opts.clone())
            }
            // Directories are descended into; symlinks are not followed,
            // so a link loop cannot trap the walk.
            Ok(_) => Box::new(std::iter::empty()),
        }
    })
}

/// Reads one file found in a directory walk, named `id` in the output;
/// files of a type the readers do not know are passed over.
fn read_file(path: PathBuf, id: String, opts: ReadOptions) -> Box<dyn Iterator<Item = Item>> {
    match FileKind::of(&path) {
        Some(kind) => read_file_as(path, id, kind, opts),
        None => Box::new(std::iter::once(Item::Unsupported(path))),
    }
}

/// Reads one file of a known `kind`, named `id` in the output.
fn read_file_as(
    path: PathBuf,
    id: String,
    kind: FileKind,
    opts: ReadOptions,
) -> Box<dyn Iterator<Item = Item>> {
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(source) => {
            return Box::new(std::iter::once(Item::Skip(SkipReason::Io { path, source })))
        }
    };
    match kind {
        FileKind::Jsonl { gzip } => {
            let reader: Box<dyn BufRead> = if gzip {
                Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
            } else {
                Box::new(BufReader::new(file))
            };
            Box::new(JsonlReader::new(reader, path, opts))
        }
        FileKind::Warc { gzip } => {
            let reader: Box<dyn BufRead> = if gzip {
                Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
            } else {
                Box::new(BufReader::new(file))
            };
            Box::new(crate::warc::WarcReader::new(reader, path, opts))
        }
        FileKind::JsonlZst | FileKind::WarcZst => match zstd::Decoder::new(file) {
            Err(err) => Box::new(std::iter::once(Item::Skip(SkipReason::Compressed {
                path,
                line: None,
                reason: err.to_string(),
            }))),
            Ok(decoder) => {
                let reader: Box<dyn BufRead> = Box::new(BufReader::new(Corrupt(decoder)));
                if kind == FileKind::WarcZst {
                    Box::new(crate::warc::WarcReader::new(reader, path, opts))
                } else {
                    Box::new(JsonlReader::new(reader, path, opts))
                }
            }
        },
        FileKind::Text | FileKind::Markdown | FileKind::Html { .. } => {
            Box::new(read_whole(file, path, id, kind, &opts).into_iter())
        }
    }
}

fn read_whole(
    file: File,
    path: PathBuf,
    id: String,
    kind: FileKind,
    opts: &ReadOptions,
) -> Vec<Item> {
    let limit = opts.max_doc_bytes;
    if let Ok(meta) = file.metadata() {
        if meta.len() > limit && !matches!(kind, FileKind::Html { gzip: true }) {
            return vec![Item::Skip(SkipReason::TooLarge {
                path,
                line: None,
                size: meta.len(),
                limit,
            })];
        }
    }
    let mut bytes = Vec::new();
    let read = match kind {
        FileKind::Html { gzip: true } => flate2::read::MultiGzDecoder::new(file)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes),
        _ => file.take(limit.saturating_add(1)).read_to_end(&mut bytes),
    };
    if let Err(err) = read {
        return vec![match kind {
            FileKind::Html { gzip: true } => Item::Skip(SkipReason::Compressed {
                path,
                line: None,
                reason: err.to_string(),
            }),
            _ => Item::Skip(SkipReason::Io { path, source: err }),
        }];
    }
    if bytes.len() as u64 > limit {
        return vec![Item::Skip(SkipReason::TooLarge {
            path,
            line: None,
            size: bytes.len() as u64,
            limit,
        })];
    }
    let source = path.to_string_lossy().into_owned();
    if let FileKind::Html { .. } = kind {
        let mut warnings = VecDeque::new();
        let item = Page::new(bytes, id, source, None).into_item(opts, &mut warnings);
        return std::iter::once(item).chain(warnings).collect();
    }
    let text = match decode(&bytes) {
        Ok(text) => text,
        Err(not_text) => {
            return vec![Item::Skip(SkipReason::Binary {
                path,
                reason: not_text.0,
            })]
        }
    };
    if text.trim().is_empty() {
        return vec![Item::Skip(SkipReason::Empty { path, line: None })];
    }
    let format = if kind == FileKind::Markdown {
        SourceFormat::Markdown
    } else {
        SourceFormat::Text
    };
    vec![Item::Doc(Box::new(Document::new(id, source, format, text)))]
}

/// Reports every error of a decompressor as corrupt data, so that readers
/// tell a broken archive from an unreadable file.
struct Corrupt<R>(R);

impl<R: Read> Read for Corrupt<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|err| match err.kind() {
            io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => err,
            _ => io::Error::new(io::ErrorKind::InvalidData, err.to_string()),
        })
    }
}

/// Streams the records of JSON Lines from `reader`; `path` names it in
/// messages (fuzz targets and tests use this without files).
pub fn read_jsonl(
    reader: Box<dyn BufRead>,
    path: PathBuf,
    opts: ReadOptions,
) -> impl Iterator<Item = Item> {
    JsonlReader::new(reader, path, opts)
}

/// An HTML page read (from a file, a JSONL `html` record or a WARC
/// response) but not parsed yet, with what its container says about it.
#[derive(Debug)]
pub struct Page {
    bytes: Vec<u8>,
    id: String,
    source: String,
    /// The address the page was fetched from.
    url: Option<String>,
    /// Title and author from the container, used when the page has none.
    title: Option<String>,
    author: Option<String>,
    /// Publication date from the container (a JSONL record): the caller's
    /// word, it beats the page's own.
    published: Option<Date>,
    /// From a WARC archive: when the page has no date, its text is asked,
    /// then the crawl date (when it was fetched, not written) is the
    /// fallback.
    crawl: Option<Option<Date>>,
}

impl Page {
    pub(crate) fn new(bytes: Vec<u8>, id: String, source: String, url: Option<String>) -> Self {
        Page {
            bytes,
            id,
            source,
            url,
            title: None,
            author: None,
            published: None,
            crawl: None,
        }
    }

    /// Bytes of HTML.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the page has no bytes at all.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Where the page came from (`path`, `path:line`, `path#record`).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Parses the page into its document, and the HTML reader's warnings
    /// about it. Every page is a document, even one without article text
    /// (a gallery, a video page, a redirect stub): its metadata is kept and
    /// it simply makes no claims.
    pub fn parse(self) -> (Document, Vec<claimdex_html::PageWarning>) {
        let page = claimdex_html::parse_page(&self.bytes, self.url.as_deref());
        let mut doc = Document::new(self.id, self.source, SourceFormat::Html, page.text);
        doc.blocks = page.blocks;
        doc.title = page.title.or(self.title);
        doc.author = page.author.or(self.author);
        doc.published = self.published.or(page.published);
        doc.url = page.url.or(self.url);
        doc.site = page.site;
        doc.lang = page.lang;
        if let Some(crawl_date) = self.crawl {
            if doc.published.is_none() {
                doc.published = claimdex_dates::find_publication_date(&doc.text).or(crawl_date);
            }
        }
        let mut warnings = page.warnings;
        if doc.published.is_some() {
            // The record gave a date (or the crawl date stood in): the page's
            // own lack of one is not worth a warning.
            warnings.retain(|w| !matches!(w, claimdex_html::PageWarning::NoDate));
        }
        (doc, warnings)
    }

    /// The item for this page: itself when parsing is deferred, else its
    /// document; `warnings` receives the parser's warnings.
    pub(crate) fn into_item(self, opts: &ReadOptions, warnings: &mut VecDeque<Item>) -> Item {
        if opts.defer_html {
            return Item::Page(Box::new(self));
        }
        let source = self.source.clone();
        let (doc, found) = self.parse();
        warnings.extend(found.into_iter().map(|warning| Item::Warning {
            source: source.clone(),
            kind: warning.kind(),
            message: warning.to_string(),
        }));
        Item::Doc(Box::new(doc))
    }

    /// Sets what a WARC record says: the crawl date as the last fallback.
    pub(crate) fn crawled(mut self, date: Option<Date>) -> Self {
        self.crawl = Some(date);
        self
    }
}

/// A JSONL record as the contract defines it. Unknown keys are ignored.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    author: Option<String>,
}

/// Reads JSONL a line at a time; a line longer than the document limit is
/// skipped without being held in memory.
struct JsonlReader {
    reader: Box<dyn BufRead>,
    path: PathBuf,
    line_no: u64,
    opts: ReadOptions,
    buf: Vec<u8>,
    done: bool,
    /// Warnings about the last document, given out after it.
    queued: VecDeque<Item>,
}

impl JsonlReader {
    fn new(reader: Box<dyn BufRead>, path: PathBuf, opts: ReadOptions) -> Self {
        JsonlReader {
            reader,
            path,
            line_no: 0,
            opts,
            buf: Vec::new(),
            done: false,
            queued: VecDeque::new(),
        }
    }

    /// Reads the next line into `buf` (without its newline). Returns the
    /// line's full length, which may exceed what `buf` kept.
    fn next_line(&mut self) -> io::Result<Option<u64>> {
        self.buf.clear();
        let limit = self.opts.max_doc_bytes;
        let kept = (&mut self.reader)
            .take(limit.saturating_add(1))
            .read_until(b'\n', &mut self.buf)?;
        if kept == 0 {
            return Ok(None);
        }
        let mut total = kept as u64;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            total -= 1;
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        } else if kept as u64 > limit {
            total += skip_rest_of_line(&mut self.reader)?;
        }
        Ok(Some(total))
    }

    fn record(&mut self, line: u64) -> Item {
        let bad = |reason: String| {
            Item::Skip(SkipReason::BadRecord {
                path: self.path.clone(),
                line,
                reason,
            })
        };
        let bytes = self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf);
        let record: Record = match serde_json::from_slice(bytes) {
            Ok(r) => r,
            Err(err) => return bad(format!("invalid JSON: {err}")),
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(_) => return bad("\"id\" must be a non-empty string".into()),
            None => return bad("missing \"id\"".into()),
        };
        let source = format!("{}:{line}", self.path.display());
        let published = record.published.as_deref().and_then(parse_iso_date);
        // A date the record gives but that does not parse is dropped, and
        // said so: silently falling back to a date found in the text would
        // file the claims under another day without anyone knowing.
        let bad_published = match (&record.published, published) {
            (Some(given), None) if !given.trim().is_empty() => Some(Item::Warning {
                source: source.clone(),
                kind: "bad_published",
                message: format!(
                    "\"published\": {:?} is not a date (YYYY-MM-DD, optionally with a time); ignored",
                    given.chars().take(40).collect::<String>()
                ),
            }),
            _ => None,
        };
        let mut item = match (record.text, record.html) {
            (Some(text), _) => {
                if text.trim().is_empty() {
                    return Item::Skip(SkipReason::Empty {
                        path: self.path.clone(),
                        line: Some(line),
                    });
                }
                let text = text
                    .strip_prefix('\u{feff}')
                    .map(str::to_owned)
                    .unwrap_or(text);
                Item::Doc(Box::new(Document::new(
                    id,
                    source,
                    SourceFormat::JsonlText,
                    text,
                )))
            }
            (None, Some(html)) => {
                let mut page = Page::new(html.into_bytes(), id, source, record.url.clone());
                page.title = record.title.clone();
                page.author = record.author.clone();
                page.published = published;
                page.into_item(&self.opts, &mut self.queued)
            }
            (None, None) => return bad("record has neither \"text\" nor \"html\"".into()),
        };
        if let Item::Doc(doc) = &mut item {
            doc.url = doc.url.take().or(record.url);
            doc.title = doc.title.take().or(record.title);
            doc.author = doc.author.take().or(record.author);
            // The record's own date is the caller's word; it beats what
            // the page suggests.
            doc.published = published.or(doc.published);
        }
        if let (Item::Doc(_) | Item::Page(_), Some(warning)) = (&item, bad_published) {
            self.queued.push_back(warning);
        }
        item
    }
}

impl Iterator for JsonlReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(warning) = self.queued.pop_front() {
            return Some(warning);
        }
        loop {
            if self.done {
                return None;
            }
            let len = match self.next_line() {
                Ok(Some(len)) => len,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(err) => {
                    self.done = true;
                    let reason = err.to_string();
                    let path = self.path.clone();
                    let line = Some(self.line_no + 1);
                    return Some(Item::Skip(
                        if err.kind() == io::ErrorKind::InvalidData
                            || err.kind() == io::ErrorKind::UnexpectedEof
                        {
                            SkipReason::Compressed { path, line, reason }
                        } else {
                            SkipReason::Io { path, source: err }
                        },
                    ));
                }
            };
            self.line_no += 1;
            let line = self.line_no;
            if len > self.opts.max_doc_bytes {
                let (path, limit) = (self.path.clone(), self.opts.max_doc_bytes);
                return Some(Item::Skip(SkipReason::TooLarge {
                    path,
                    line: Some(line),
                    size: len,
                    limit,
                }));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.record(line));
        }
    }
}

/// Drops the rest of an over-long line, up to and including its newline,
/// a buffer at a time so it is never held in memory. Returns how many bytes
/// it had before the newline.
pub(crate) fn skip_rest_of_line<R: BufRead + ?Sized>(reader: &mut R) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(skipped);
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(skipped + at as u64);
            }
            None => {
                let n = chunk.len();
                skipped += n as u64;
                reader.consume(n);
            }
        }
    }
}

/// Parses the date part of an ISO 8601 date or date-time ("2025-10-28",
/// "2025-10-28T09:00:00Z").
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    head.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_rest_of_line_crosses_buffers_and_stops_after_the_newline() {
        // A 2-byte buffer makes the skip take several fills.
        let mut r = BufReader::with_capacity(2, "abcde\nnext".as_bytes());
        assert_eq!(skip_rest_of_line(&mut r).unwrap(), 5);
        let mut rest = String::new();
        r.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "next");
        // At the end of input without a newline: what was left, no error.
        let mut r = BufReader::with_capacity(2, "xyz".as_bytes());
        assert_eq!(skip_rest_of_line(&mut r).unwrap(), 3);
        assert_eq!(skip_rest_of_line(&mut r).unwrap(), 0);
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(FileKind::of(Path::new("a/b.TXT")), Some(FileKind::Text));
        assert_eq!(
            FileKind::of(Path::new("x.jsonl.gz")),
            Some(FileKind::Jsonl { gzip: true })
        );
        assert_eq!(
            FileKind::of(Path::new("p.html.gz")),
            Some(FileKind::Html { gzip: true })
        );
        assert_eq!(FileKind::of(Path::new("notes.txt.gz")), None);
        assert_eq!(
            FileKind::of(Path::new("cc.WARC.gz")),
            Some(FileKind::Warc { gzip: true })
        );
        assert_eq!(
            FileKind::of(Path::new("a.warc")),
            Some(FileKind::Warc { gzip: false })
        );
        assert_eq!(
            FileKind::of(Path::new("a.warc.zst")),
            Some(FileKind::WarcZst)
        );
        assert_eq!(
            FileKind::of(Path::new("a.jsonl.zst")),
            Some(FileKind::JsonlZst)
        );
        assert_eq!(FileKind::of(Path::new("a.txt.zst")), None);
        assert_eq!(FileKind::of(Path::new("README")), None);
    }

    /// A file removed, a file turned into a directory and a
    /// sub-directory removed after the walk listed them: each is a skip
    /// naming its path, and the walk goes on past it.
    #[test]
    fn entries_that_vanish_during_the_walk_are_skips_naming_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
            std::fs::write(root.join(name), format!("Sales in {name} rose 2% in May."))
                .expect("write");
        }
        std::fs::create_dir(root.join("sub")).expect("mkdir");
        std::fs::write(root.join("sub/e.txt"), "Costs fell 1% in June.").expect("write");
        let mut items = read_inputs(
            vec![root.to_string_lossy().into_owned()],
            ReadOptions::default(),
        );
        // The first document means the top directory has been listed.
        assert!(matches!(items.next(), Some(Item::Doc(d)) if d.id == "a.txt"));
        std::fs::remove_file(root.join("b.txt")).expect("rm");
        std::fs::remove_file(root.join("c.txt")).expect("rm");
        std::fs::create_dir(root.join("c.txt")).expect("mkdir");
        std::fs::remove_dir_all(root.join("sub")).expect("rm -r");
        let rest: Vec<Item> = items.collect();
        assert_eq!(rest.len(), 4, "{rest:?}");
        let names = |item: &Item| match item {
            Item::Skip(SkipReason::Io { path, .. } | SkipReason::Walk { path, .. }) => {
                path.file_name().map(|n| n.to_string_lossy().into_owned())
            }
            _ => None,
        };
        assert_eq!(names(&rest[0]).as_deref(), Some("b.txt"), "{rest:?}");
        assert_eq!(names(&rest[1]).as_deref(), Some("c.txt"), "{rest:?}");
        assert!(
            matches!(&rest[2], Item::Doc(d) if d.id == "d.txt"),
            "{rest:?}"
        );
        assert_eq!(names(&rest[3]).as_deref(), Some("sub"), "{rest:?}");
        for skip in [&rest[0], &rest[1], &rest[3]] {
            let Item::Skip(reason) = skip else {
                panic!("{skip:?}")
            };
            let message = reason.to_string();
            assert!(message.contains(&*root.to_string_lossy()), "{message}");
        }
    }

    /// A deferred page parses into the document the reader would have
    /// given, with the record's metadata applied the same way.
    #[test]
    fn deferred_html_pages_parse_into_the_same_documents() {
        let line = serde_json::json!({
            "id": "p1",
            "url": "https://news.example/p1",
            "author": "Desk",
            "published": "2024-03-01",
            "html": "<html><head><title>Port</title></head><body><article>\
                     <p>Cargo rose 5% in February, the port said.</p></article></body></html>",
        })
        .to_string();
        let read = |defer_html| {
            let reader = Box::new(BufReader::new(io::Cursor::new(line.clone().into_bytes())));
            let opts = ReadOptions {
                defer_html,
                ..ReadOptions::default()
            };
            JsonlReader::new(reader, PathBuf::from("t.jsonl"), opts).collect::<Vec<Item>>()
        };
        let (now, later) = (read(false), read(true));
        assert_eq!((now.len(), later.len()), (1, 1));
        let (Item::Doc(now), Item::Page(page)) = (&now[0], later.into_iter().next().unwrap())
        else {
            panic!("expected a document and a page");
        };
        assert_eq!(page.source(), "t.jsonl:1");
        let (later, warnings) = page.parse();
        assert!(warnings.is_empty());
        assert_eq!(format!("{now:?}"), format!("{later:?}"));
        assert_eq!(later.title.as_deref(), Some("Port"));
        assert_eq!(later.author.as_deref(), Some("Desk"));
        assert_eq!(later.url.as_deref(), Some("https://news.example/p1"));
        assert_eq!(
            later.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-01")
        );
        assert!(later.text.contains("Cargo rose 5%"));
    }

    fn jsonl(input: &str, max: u64) -> Vec<Item> {
        let reader = Box::new(BufReader::new(io::Cursor::new(input.as_bytes().to_vec())));
        JsonlReader::new(
            reader,
            PathBuf::from("t.jsonl"),
            ReadOptions {
                max_doc_bytes: max,
                ..ReadOptions::default()
            },
        )
        .collect()
    }

    #[test]
    fn jsonl_unparsable_published_is_a_warning_after_its_document() {
        let items = jsonl(
            "{\"id\":\"a\",\"text\":\"One.\",\"published\":\"0000-00-00\"}\n{\"id\":\"b\",\"text\":\"Two.\",\"published\":\"\"}\n",
            1000,
        );
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(matches!(&items[0], Item::Doc(d) if d.id == "a" && d.published.is_none()));
        match &items[1] {
            Item::Warning {
                source,
                kind,
                message,
            } => {
                assert_eq!((source.as_str(), *kind), ("t.jsonl:1", "bad_published"));
                assert!(message.contains("0000-00-00"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // An empty string says "no date", which is not an error.
        assert!(matches!(&items[2], Item::Doc(d) if d.id == "b"));
    }

    #[test]
    fn jsonl_bad_lines_are_reported_and_skipped() {
        let items = jsonl("{\"id\":\"a\",\"text\":\"One.\"}\n{oops\n\n{\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"Two.\",\"published\":\"2024-01-02T03:04:05Z\"}\n", 1000);
        assert_eq!(items.len(), 4);
        assert!(matches!(&items[0], Item::Doc(d) if d.id == "a"));
        assert!(matches!(
            &items[1],
            Item::Skip(SkipReason::BadRecord { line: 2, .. })
        ));
        assert!(matches!(
            &items[2],
            Item::Skip(SkipReason::BadRecord { line: 4, .. })
        ));
        match &items[3] {
            Item::Doc(d) => assert_eq!(
                d.published.map(|d| d.to_string()).as_deref(),
                Some("2024-01-02")
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn jsonl_overlong_line_is_skipped_and_reading_goes_on() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "x".repeat(500));
        let items = jsonl(
            &format!("{long}\n{{\"id\":\"ok\",\"text\":\"fine\"}}\n"),
            100,
        );
        assert!(matches!(
            &items[0],
            Item::Skip(SkipReason::TooLarge { line: Some(1), .. })
        ));
        assert!(matches!(&items[1], Item::Doc(d) if d.id == "ok"));
    }

    /// `--max-doc-bytes` is the user's: the largest value means no limit,
    /// not an overflow (a panic, or reading nothing).
    #[test]
    fn largest_document_limit_reads_everything() {
        let items = jsonl("{\"id\":\"a\",\"text\":\"Costs rose 2%.\"}\n", u64::MAX);
        assert!(
            matches!(&items[..], [Item::Doc(d)] if d.id == "a"),
            "{items:?}"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Costs rose 2% in May.").expect("write");
        let opts = ReadOptions {
            max_doc_bytes: u64::MAX,
            ..ReadOptions::default()
        };
        let items: Vec<Item> =
            read_inputs(vec![path.to_string_lossy().into_owned()], opts).collect();
        assert!(
            matches!(&items[..], [Item::Doc(d)] if d.text == "Costs rose 2% in May."),
            "{items:?}"
        );
    }
}
