//! WARC and WARC.gz web archives → documents.
//!
//! A small streaming reader of our own rather than the `warc` crate: the
//! crate pulls in about 65 crates (nom, chrono, uuid, libflate) for what is
//! a line-oriented header block and a length-prefixed body, its `from_path`
//! is broken, and it gives no handle on recovery after a lying
//! `Content-Length`, which a batch run over crawled data must survive.
//!
//! Records stream one at a time and are held whole only up to the document
//! limit; a larger record is skipped without being kept in memory. Response
//! records whose HTTP payload is HTML (and resource records of HTML) go
//! through the HTML reader; `WARC-Target-URI` becomes the url and
//! `WARC-Date` the publication date when neither the page nor its text
//! gives one. Every other record is passed over and counted.
//!
//! Broken archives never stop the run: a truncated archive ends with one
//! skip, a record whose length does not land on the next record is skipped
//! and the reader resynchronises on the next `WARC/` version line.

use std::collections::VecDeque;
use std::io::{self, BufRead, Cursor, Read};
use std::path::PathBuf;

use encoding_rs::{Encoding, UTF_8};
use jiff::civil::Date;

use crate::error::SkipReason;
use crate::read::{parse_iso_date, skip_rest_of_line, Item, Page, ReadOptions};

/// Longest header line accepted (WARC or HTTP), in bytes.
const MAX_LINE: u64 = 64 * 1024;
/// Most header lines accepted in one WARC record.
const MAX_HEADER_LINES: usize = 512;

/// Streams the records of one WARC file (already decompressed) as items.
pub struct WarcReader {
    reader: Box<dyn BufRead>,
    path: PathBuf,
    opts: ReadOptions,
    /// Records started so far (1-based number of the current one).
    record: u64,
    /// A version line read ahead while resynchronising.
    pending: Option<Vec<u8>>,
    /// Skip silently to the next version line (the bad bytes were
    /// already reported with the record that caused them).
    resync_quietly: bool,
    done: bool,
    line: Vec<u8>,
    /// Warnings about the last document, given out after it.
    queued: VecDeque<Item>,
}

/// One header line, as read.
enum Line {
    /// A whole line, without its line end.
    Whole,
    /// The last line of the input, without a line end.
    Last,
    /// A line longer than [`MAX_LINE`]; it was discarded.
    TooLong,
}

impl WarcReader {
    /// A reader of the WARC records in `reader`, which must yield the
    /// uncompressed archive; `path` names the file in messages and sources.
    pub fn new(reader: Box<dyn BufRead>, path: PathBuf, opts: ReadOptions) -> Self {
        WarcReader {
            reader,
            path,
            opts,
            record: 0,
            pending: None,
            resync_quietly: false,
            done: false,
            line: Vec::new(),
            queued: VecDeque::new(),
        }
    }

    fn bad(&self, reason: impl Into<String>) -> Item {
        Item::Skip(SkipReason::Warc {
            path: self.path.clone(),
            record: self.record,
            reason: reason.into(),
        })
    }

    /// The item for a read error: the stream cannot go on after it.
    fn fail(&mut self, err: io::Error) -> Item {
        self.done = true;
        let path = self.path.clone();
        if matches!(
            err.kind(),
            io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof | io::ErrorKind::Other
        ) {
            Item::Skip(SkipReason::Compressed {
                path,
                line: None,
                reason: err.to_string(),
            })
        } else {
            Item::Skip(SkipReason::Io { path, source: err })
        }
    }

    fn truncated(&mut self, what: &str) -> Item {
        self.done = true;
        Item::Skip(SkipReason::WarcTruncated {
            path: self.path.clone(),
            record: self.record,
            reason: format!("archive ends inside the record's {what}"),
        })
    }

    /// Reads one line into `self.line`, without its line end. `None` at
    /// the end of input.
    fn read_line(&mut self) -> io::Result<Option<Line>> {
        self.line.clear();
        let kept = (&mut self.reader)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut self.line)?;
        if kept == 0 {
            return Ok(None);
        }
        if self.line.last() == Some(&b'\n') {
            self.line.pop();
            if self.line.last() == Some(&b'\r') {
                self.line.pop();
            }
            return Ok(Some(Line::Whole));
        }
        if (kept as u64) <= MAX_LINE {
            return Ok(Some(Line::Last));
        }
        skip_rest_of_line(&mut self.reader)?;
        self.line.clear();
        Ok(Some(Line::TooLong))
    }

    /// Finds the next version line, skipping blank lines between records
    /// and, when resynchronising, anything else. Returns whether one was
    /// found, and how many non-blank lines were passed over.
    fn next_version_line(&mut self) -> io::Result<(bool, u64)> {
        if let Some(line) = self.pending.take() {
            self.line = line;
            return Ok((true, 0));
        }
        let mut garbage = 0u64;
        loop {
            match self.read_line()? {
                None => return Ok((false, garbage)),
                Some(Line::TooLong) => garbage += 1,
                Some(Line::Whole | Line::Last) => {
                    if is_version_line(&self.line) {
                        return Ok((true, garbage));
                    }
                    if !self.line.iter().all(u8::is_ascii_whitespace) {
                        garbage += 1;
                    }
                }
            }
        }
    }

    /// Reads the header block after the version line. `Ok(None)` when the
    /// input ends inside it.
    fn read_headers(&mut self) -> io::Result<Result<Option<Headers>, String>> {
        let mut headers = Headers::default();
        for _ in 0..MAX_HEADER_LINES {
            match self.read_line()? {
                None | Some(Line::Last) => return Ok(Ok(None)),
                Some(Line::TooLong) => return Ok(Err("header line too long".into())),
                Some(Line::Whole) => {}
            }
            if self.line.is_empty() {
                return Ok(Ok(Some(headers)));
            }
            if is_version_line(&self.line) {
                // A new record starts where this one's headers should
                // have ended: keep it for the next call.
                self.pending = Some(std::mem::take(&mut self.line));
                return Ok(Err("header block not terminated by a blank line".into()));
            }
            let line = String::from_utf8_lossy(&self.line);
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.0.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            match line.split_once(':') {
                Some((name, value)) => headers
                    .0
                    .push((name.trim().to_ascii_lowercase(), value.trim().to_string())),
                None => return Ok(Err(format!("malformed header line {:?}", clip(&line)))),
            }
        }
        Ok(Err("too many header lines".into()))
    }

    /// After a block: consumes the record's closing line ends and checks
    /// that the next record (or the end) follows. Returns that, and the
    /// line-end bytes consumed (to give back when the length lied).
    fn block_ends_cleanly(&mut self) -> io::Result<(bool, Vec<u8>)> {
        let mut ends = Vec::new();
        for _ in 0..4 {
            let buf = self.reader.fill_buf()?;
            match buf.first() {
                Some(&b @ (b'\r' | b'\n')) => {
                    ends.push(b);
                    self.reader.consume(1);
                }
                _ => break,
            }
        }
        let buf = self.reader.fill_buf()?;
        let clean = buf.is_empty()
            || buf.starts_with(b"WARC/")
            || (buf.len() < 5 && b"WARC/".starts_with(buf));
        Ok((clean, ends))
    }

    /// Puts `bytes` back in front of the input.
    fn unread(&mut self, bytes: Vec<u8>) {
        let rest = std::mem::replace(&mut self.reader, Box::new(io::empty()));
        self.reader = Box::new(Cursor::new(bytes).chain(rest));
    }

    /// Reads the next record; `None` when it was passed over silently.
    fn next_record(&mut self) -> Option<Item> {
        let (found, garbage) = match self.next_version_line() {
            Ok(v) => v,
            Err(err) => return Some(self.fail(err)),
        };
        let quiet = std::mem::take(&mut self.resync_quietly);
        if !found {
            self.done = true;
            return (garbage > 0 && !quiet).then(|| {
                self.record += 1;
                self.bad(format!(
                    "{garbage} lines of data that are not a WARC record"
                ))
            });
        }
        let version = String::from_utf8_lossy(&self.line).trim().to_string();
        self.record += 1;
        if garbage > 0 && !quiet {
            // Report the junk, then read this record on the next call.
            self.pending = Some(std::mem::take(&mut self.line));
            self.record -= 1;
            return Some(Item::Skip(SkipReason::Warc {
                path: self.path.clone(),
                record: self.record + 1,
                reason: format!(
                    "{garbage} lines of data before this record, not part of any record"
                ),
            }));
        }
        let headers = match self.read_headers() {
            Err(err) => return Some(self.fail(err)),
            Ok(Ok(Some(h))) => h,
            Ok(Ok(None)) => return Some(self.truncated("header")),
            Ok(Err(reason)) => {
                self.resync_quietly = true;
                return Some(self.bad(format!("{version}: {reason}")));
            }
        };
        let Some(length) = headers
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            self.resync_quietly = true;
            return Some(self.bad("missing or invalid Content-Length"));
        };
        let limit = self.opts.max_doc_bytes;
        if length > limit {
            // Stream past it without keeping it.
            let passed = match io::copy(&mut (&mut self.reader).take(length), &mut io::sink()) {
                Ok(n) => n,
                Err(err) => return Some(self.fail(err)),
            };
            if passed < length {
                return Some(self.truncated("block"));
            }
            if let Ok((false, _)) = self.block_ends_cleanly() {
                self.resync_quietly = true;
            }
            return Some(Item::Skip(SkipReason::TooLarge {
                path: self.path.clone(),
                line: Some(self.record),
                size: length,
                limit,
            }));
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        match (&mut self.reader).take(length).read_to_end(&mut block) {
            Ok(_) => {}
            Err(err) => return Some(self.fail(err)),
        }
        if (block.len() as u64) < length {
            return Some(self.truncated("block (or its Content-Length is too large)"));
        }
        match self.block_ends_cleanly() {
            Err(err) => return Some(self.fail(err)),
            Ok((true, _)) => {}
            Ok((false, ends)) => {
                // The length lies. If it was too long, the next record's
                // start is inside the block: give it back and resync.
                let mut rest = match find_record_start(&block) {
                    Some(at) => block.split_off(at),
                    None => Vec::new(),
                };
                rest.extend_from_slice(&ends);
                if !rest.is_empty() {
                    self.unread(rest);
                }
                self.resync_quietly = true;
                return Some(self.bad(format!(
                    "Content-Length {length} does not end at a record boundary"
                )));
            }
        }
        Some(self.record_item(&headers, &block))
    }

    /// Turns one well-framed record into an item.
    fn record_item(&mut self, headers: &Headers, block: &[u8]) -> Item {
        let kind = headers
            .get("warc-type")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let content_type = headers
            .get("content-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let body = match kind.as_str() {
            "response" if content_type.starts_with("application/http") => {
                match self.http_payload(block) {
                    Ok(body) => body,
                    Err(item) => return item,
                }
            }
            "response" | "resource" if is_html_type(&content_type) => {
                Payload::new(block.to_vec(), charset_of(&content_type))
            }
            "response" | "resource" => return Item::Passed("warc response (not HTML)"),
            "request" => return Item::Passed("warc request"),
            "warcinfo" => return Item::Passed("warc warcinfo"),
            "metadata" => return Item::Passed("warc metadata"),
            "revisit" => return Item::Passed("warc revisit"),
            _ => return Item::Passed("warc other record"),
        };
        let url = headers.get("warc-target-uri").map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        });
        let date: Option<Date> = headers.get("warc-date").and_then(parse_iso_date);
        let id = headers
            .get("warc-record-id")
            .map(|v| v.trim().trim_start_matches('<').trim_end_matches('>'))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}#{}", self.path.display(), self.record));
        let source = format!("{}#{}", self.path.display(), self.record);
        let bytes = body.utf8_bytes();
        Page::new(bytes, id, source, url)
            .crawled(date)
            .into_item(&self.opts, &mut self.queued)
    }

    /// The HTML payload of an HTTP response block, or the item that says
    /// why there is none.
    fn http_payload(&self, block: &[u8]) -> Result<Payload, Item> {
        let Some((head, body)) = split_http(block) else {
            return Err(self.bad("HTTP response without a header end"));
        };
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status = lines.next().unwrap_or("");
        if !status.starts_with("HTTP/") {
            return Err(self.bad(format!("not an HTTP response: {:?}", clip(status))));
        }
        let code = status.split_whitespace().nth(1).unwrap_or("");
        if !code.starts_with('2') {
            return Err(Item::Passed("warc response (HTTP status not 2xx)"));
        }
        let mut content_type = String::new();
        let mut chunked = false;
        let mut encoding = String::new();
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_ascii_lowercase();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = value,
                "transfer-encoding" => chunked = value.contains("chunked"),
                "content-encoding" => encoding = value,
                _ => {}
            }
        }
        let html = if content_type.is_empty() {
            sniff_html(body)
        } else {
            is_html_type(&content_type)
        };
        if !html {
            return Err(Item::Passed("warc response (not HTML)"));
        }
        let mut body = if chunked {
            // Some crawlers store the body already de-chunked but keep
            // the header: then the raw body is the payload.
            dechunk(body).unwrap_or_else(|| body.to_vec())
        } else {
            body.to_vec()
        };
        let limit = self.opts.max_doc_bytes;
        let decoded = match encoding.as_str() {
            "" | "identity" | "none" | "utf-8" => Ok(None),
            "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit),
            "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)
                .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..]), limit)),
            other => Err(format!("unsupported Content-Encoding {other:?}")),
        };
        match decoded {
            Ok(Some(out)) => body = out,
            Ok(None) => {}
            // Servers often claim an encoding they did not apply.
            Err(_) if sniff_html(&body) => {}
            Err(reason) => {
                return Err(if reason.starts_with("too large") {
                    Item::Skip(SkipReason::TooLarge {
                        path: self.path.clone(),
                        line: Some(self.record),
                        size: limit.saturating_add(1),
                        limit,
                    })
                } else {
                    self.bad(reason)
                })
            }
        }
        Ok(Payload::new(body, charset_of(&content_type)))
    }
}

impl Iterator for WarcReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(warning) = self.queued.pop_front() {
            return Some(warning);
        }
        while !self.done {
            if let Some(item) = self.next_record() {
                return Some(item);
            }
        }
        None
    }
}

/// WARC header fields, names lower-cased, in order.
#[derive(Default)]
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Page bytes and the charset the HTTP header gave them.
struct Payload {
    bytes: Vec<u8>,
    charset: Option<&'static Encoding>,
}

impl Payload {
    fn new(bytes: Vec<u8>, charset: Option<&'static Encoding>) -> Self {
        Payload { bytes, charset }
    }

    /// The bytes for the HTML reader. The HTTP charset outranks the
    /// page's `<meta>`; the HTML reader takes no charset argument but
    /// honours a BOM, so a legacy-encoded page is converted to UTF-8 with a
    /// BOM in front.
    fn utf8_bytes(self) -> Vec<u8> {
        let Some(enc) = self.charset else {
            return self.bytes;
        };
        if enc == UTF_8
            || !enc.is_single_byte() && enc.output_encoding() != enc
            || Encoding::for_bom(&self.bytes).is_some()
            || std::str::from_utf8(&self.bytes).is_ok()
        {
            return self.bytes;
        }
        let (text, _) = enc.decode_without_bom_handling(&self.bytes);
        let mut out = Vec::with_capacity(text.len() + 3);
        out.extend_from_slice(b"\xEF\xBB\xBF");
        out.extend_from_slice(text.as_bytes());
        out
    }
}

fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/") && line.len() < 32
}

fn is_html_type(content_type: &str) -> bool {
    content_type.contains("text/html") || content_type.contains("application/xhtml")
}

/// Whether a body without a content type looks like HTML.
fn sniff_html(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..body.len().min(start + 64)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head")
}

fn charset_of(content_type: &str) -> Option<&'static Encoding> {
    let at = content_type.find("charset=")?;
    let value = content_type[at + "charset=".len()..]
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\'']);
    Encoding::for_label(value.as_bytes())
}

/// Splits an HTTP message at the blank line after its header.
fn split_http(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = find(block, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = find(block, b"\n\n").map(|at| (at, at + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    Some((&block[..end], &block[body..]))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where a record's version line starts inside `block`, if anywhere (a
/// `Content-Length` that was too long swallowed it).
fn find_record_start(block: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find(&block[from..], b"\nWARC/") {
        let start = from + at + 1;
        let end = block[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(block.len(), |e| start + e);
        let line = block[start..end]
            .strip_suffix(b"\r")
            .unwrap_or(&block[start..end]);
        if is_version_line(line) {
            return Some(start);
        }
        from = start;
    }
    None
}

/// Undoes HTTP chunked transfer encoding; `None` when `body` is not
/// chunked. A body cut inside a chunk keeps what arrived.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let nl = rest.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&rest[..nl]).ok()?;
        let hex = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(hex, 16).ok()?;
        rest = &rest[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if size >= rest.len() {
            out.extend_from_slice(rest);
            return Some(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        rest = rest.strip_prefix(b"\n").unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// Decompresses a body, refusing more than `limit` bytes.
fn inflate(decoder: impl Read, limit: u64) -> Result<Option<Vec<u8>>, String> {
    let mut out = Vec::new();
    match decoder.take(limit.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > limit => Err("too large once decompressed".into()),
        Ok(_) => Ok(Some(out)),
        Err(err) => Err(format!("cannot decompress the body: {err}")),
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(bytes: &[u8]) -> Vec<Item> {
        read(bytes, ReadOptions::default())
    }

    fn read(bytes: &[u8], opts: ReadOptions) -> Vec<Item> {
        let reader = Box::new(io::BufReader::new(Cursor::new(bytes.to_vec())));
        WarcReader::new(reader, PathBuf::from("t.warc"), opts).collect()
    }

    const PAGE: &str = "<html><head><title>Port news</title></head><body><article><p>Exports from the port rose 12% in March, the harbour master said on Tuesday.</p><p>Imports fell to 3.4 million tonnes.</p></article></body></html>";

    fn response(id: &str, page: &str, length_delta: i64) -> Vec<u8> {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        let length = (http.len() as i64 + length_delta) as usize;
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: http://example.org/{id}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}\r\n\r\n"
        )
        .into_bytes()
    }

    fn request() -> Vec<u8> {
        let http = "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n";
        format!(
            "WARC/1.0\r\nWARC-Type: request\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
        .into_bytes()
    }

    fn ids(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Doc(d) => Some(d.id.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn inflate_takes_the_largest_limit_as_no_limit() {
        let body = inflate(Cursor::new(b"<p>body</p>".to_vec()), u64::MAX);
        assert_eq!(body, Ok(Some(b"<p>body</p>".to_vec())));
        assert!(inflate(Cursor::new(b"12345".to_vec()), 4).is_err());
    }

    #[test]
    fn response_records_become_documents() {
        let mut bytes = request();
        bytes.extend(response("a", PAGE, 0));
        bytes.extend(response("b", PAGE, 0));
        let items = items(&bytes);
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(matches!(items[0], Item::Passed("warc request")));
        match &items[1] {
            Item::Doc(d) => {
                assert_eq!(d.id, "urn:uuid:a");
                assert_eq!(d.url.as_deref(), Some("http://example.org/a"));
                assert_eq!(
                    d.published.map(|d| d.to_string()).as_deref(),
                    Some("2024-03-05")
                );
                assert!(d.text.contains("rose 12% in March"), "{}", d.text);
                assert_eq!(d.source, "t.warc#2");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(ids(&items), ["urn:uuid:a", "urn:uuid:b"]);
    }

    #[test]
    fn lying_length_too_short_skips_one_record_and_resyncs() {
        let mut bytes = response("a", PAGE, -40);
        bytes.extend(response("b", PAGE, 0));
        let items = items(&bytes);
        assert!(
            matches!(&items[0], Item::Skip(SkipReason::Warc { record: 1, reason, .. }) if reason.contains("Content-Length")),
            "{items:?}"
        );
        assert_eq!(ids(&items), ["urn:uuid:b"]);
        assert_eq!(items.len(), 2, "{items:?}");
    }

    #[test]
    fn lying_length_too_long_gives_back_the_next_record() {
        let mut bytes = response("a", PAGE, 100);
        bytes.extend(response("b", PAGE, 0));
        bytes.extend(response("c", PAGE, 0));
        let items = items(&bytes);
        assert!(
            matches!(&items[0], Item::Skip(SkipReason::Warc { record: 1, .. })),
            "{items:?}"
        );
        assert_eq!(ids(&items), ["urn:uuid:b", "urn:uuid:c"]);
    }

    #[test]
    fn truncated_archive_ends_with_one_skip() {
        let mut bytes = response("a", PAGE, 0);
        let second = response("b", PAGE, 0);
        for cut in [5, 60, 200, second.len() - 20] {
            let mut all = bytes.clone();
            all.extend_from_slice(&second[..cut]);
            let items = items(&all);
            assert_eq!(ids(&items), ["urn:uuid:a"], "cut {cut}");
            assert_eq!(items.len(), 2, "cut {cut}: {items:?}");
            assert!(matches!(items[1], Item::Skip(_)), "cut {cut}: {items:?}");
        }
        bytes.truncate(0);
        assert!(self::items(&bytes).is_empty());
    }

    #[test]
    fn garbage_before_a_record_is_reported_once() {
        let mut bytes = b"hello\nnot a warc\n".to_vec();
        bytes.extend(response("a", PAGE, 0));
        let items = items(&bytes);
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(matches!(items[0], Item::Skip(SkipReason::Warc { .. })));
        assert_eq!(ids(&items), ["urn:uuid:a"]);
    }

    #[test]
    fn oversized_record_is_skipped_without_keeping_it() {
        let mut bytes = response("a", PAGE, 0);
        bytes.extend(response("b", "<p>short</p>", 0));
        let items = read(
            &bytes,
            ReadOptions {
                max_doc_bytes: 120,
                ..ReadOptions::default()
            },
        );
        assert!(matches!(
            items[0],
            Item::Skip(SkipReason::TooLarge { line: Some(1), .. })
        ));
        assert_eq!(items.len(), 2, "{items:?}");
    }

    #[test]
    fn chunked_gzip_and_legacy_charset_payloads() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
        let p = Payload::new(
            b"caf\xe9".to_vec(),
            charset_of("text/html; charset=iso-8859-1"),
        );
        assert_eq!(p.utf8_bytes(), "\u{feff}café".as_bytes());
        let p = Payload::new(
            "café".as_bytes().to_vec(),
            charset_of("text/html; charset=iso-8859-1"),
        );
        assert_eq!(p.utf8_bytes(), "café".as_bytes());
    }

    #[test]
    fn missing_length_and_bad_headers_do_not_stop_the_stream() {
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\n\r\nxxxx\r\n\r\n".to_vec();
        bytes.extend(b"WARC/1.0\r\nno colon here\r\n\r\n");
        bytes.extend(response("a", PAGE, 0));
        let items = items(&bytes);
        assert_eq!(ids(&items), ["urn:uuid:a"], "{items:?}");
        assert_eq!(items.len(), 3, "{items:?}");
    }

    fn fixture(name: &str) -> Vec<Item> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/warc")
            .join(name);
        let file = std::fs::File::open(&path).expect("fixture");
        let reader: Box<dyn BufRead> = if name.ends_with(".gz") {
            Box::new(io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
        } else {
            Box::new(io::BufReader::new(file))
        };
        WarcReader::new(reader, path, ReadOptions::default()).collect()
    }

    fn tally(items: &[Item]) -> (usize, usize, usize) {
        let docs = items.iter().filter(|i| matches!(i, Item::Doc(_))).count();
        let passed = items
            .iter()
            .filter(|i| matches!(i, Item::Passed(_)))
            .count();
        let bad = items
            .iter()
            .filter(|i| matches!(i, Item::Skip(r) if r.category() != "empty"))
            .count();
        (docs, passed, bad)
    }

    #[test]
    fn real_archives_read_cleanly() {
        // Common Crawl: 16 responses, 17 requests, 16 metadata, 1 warcinfo.
        let items = fixture("resiliparse-cc-excerpt.warc.gz");
        let (docs, passed, bad) = tally(&items);
        assert_eq!(bad, 0, "{}", items.len());
        assert!(docs >= 10, "{docs}");
        // Every record is accounted for once; warnings about pages (short
        // or empty articles) come on top.
        let records = items
            .iter()
            .filter(|i| !matches!(i, Item::Warning { .. }))
            .count();
        assert_eq!(records, 50);
        assert!(passed >= 34);
        // ClueWeb WARC/0.18, gzip content encoding, EUC-JP.
        let items = fixture("resiliparse-clueweb-quirk.warc.gz");
        let (docs, _, bad) = tally(&items);
        assert_eq!(bad, 0, "{}", items.len());
        assert!(docs >= 20, "{docs}");
        let japanese = items.iter().any(|i| {
            matches!(i, Item::Doc(d) if d.text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)))
        });
        assert!(japanese, "EUC-JP pages decode to Japanese text");
        // Chunked transfer encoding.
        let items = fixture("warcio-example-iana.org-chunked.warc");
        let (docs, _, bad) = tally(&items);
        assert_eq!((docs, bad), (1, 0), "{items:?}");
        match items.iter().find(|i| matches!(i, Item::Doc(_))) {
            Some(Item::Doc(d)) => assert!(!d.text.contains("\r\n0\r\n"), "{}", d.text),
            _ => unreachable!(),
        }
        // gzip content encoding, revisit record.
        let items = fixture("warcio-example.warc.gz");
        assert_eq!(tally(&items), (1, 5, 0), "{items:?}");
        // A resource record of HTML.
        let items = fixture("warcio-example-resource.warc.gz");
        assert_eq!(tally(&items).2, 0, "{items:?}");
        assert_eq!(tally(&items).0, 1, "{items:?}");
    }
}
