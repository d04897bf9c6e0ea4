//! What an opened file (or pasted text) is, before the engine reads it:
//! refused when larger than [`MAX_SCENARIO_BYTES`] (checked on the file's
//! size before it is read), when it is another kind of file (a workbook, a
//! PDF, an image: told by its first bytes; a table such as this app's CSV:
//! told by its first line), or when it is not UTF-8 text. Other text is
//! left to the JSON reader, whose message says where it stops. Pure, tested
//! natively; the browser reads the file (`browser::read_file`).

use crate::model::{Scenario, ScenarioError};

/// The largest scenario file or pasted text read: far above any valid
/// scenario (200 interventions with every actor's avoided costs, pretty
/// printed, are under 2 MB), and small enough that reading it does not
/// freeze the page (a 50 MB file blocked it for 15 s).
pub const MAX_SCENARIO_BYTES: usize = 5_000_000;

/// What an opened file could be read as (the browser's part).
#[derive(Debug, Clone, PartialEq)]
pub enum FileRead {
    Bytes(Vec<u8>),
    /// Larger than [`MAX_SCENARIO_BYTES`] (its size in bytes): not read.
    TooLarge(u64),
    /// The browser could not read it.
    Failed,
}

/// Why a file (or pasted text) is not opened.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// Larger than [`MAX_SCENARIO_BYTES`]; its size in bytes.
    TooLarge(u64),
    /// The browser could not read it.
    Unreadable,
    /// Another kind of file.
    Looks(FileKind),
    /// Text, but not UTF-8.
    NotUtf8,
    /// JSON the engine refused (or text that is not JSON).
    Scenario(ScenarioError),
}

/// The kinds of file people open by mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An Excel workbook (`.xlsx`: a ZIP with `xl/`; `.xls`: OLE2).
    Workbook,
    /// Another ZIP archive (a Word or OpenDocument file too).
    Archive,
    Pdf,
    Image,
    /// A table of comma-, semicolon- or tab-separated values (this app's CSV export).
    Table,
}

/// The kind a file's first bytes tell, if it is not JSON text.
pub fn kind_of(bytes: &[u8]) -> Option<FileKind> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        // The names of a ZIP's entries are plain text in it.
        let excel = bytes.windows(3).any(|w| w == b"xl/");
        return Some(if excel { FileKind::Workbook } else { FileKind::Archive });
    }
    let image = [&b"\x89PNG"[..], b"\xFF\xD8\xFF", b"GIF8", b"BM"].iter().any(|m| starts(m))
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"));
    match () {
        _ if starts(&[0xD0, 0xCF, 0x11, 0xE0]) => Some(FileKind::Workbook),
        _ if starts(b"%PDF") => Some(FileKind::Pdf),
        _ if image => Some(FileKind::Image),
        _ => None,
    }
}

/// Whether text is a table: a first line with a separator, not the
/// beginning of a JSON object or array (whose first line may hold commas).
fn is_table(text: &str) -> bool {
    let text = text.trim_start();
    let first = text.split('\n').next().unwrap_or_default();
    !text.starts_with(['{', '[']) && first.contains([',', ';', '\t'])
}

/// What the browser read of a file, as a scenario (opened or pinned as a comparison's baseline).
pub fn opened(read: FileRead) -> Result<Scenario, FileProblem> {
    match read {
        FileRead::Bytes(bytes) => read_scenario(&bytes),
        FileRead::TooLarge(size) => Err(FileProblem::TooLarge(size)),
        FileRead::Failed => Err(FileProblem::Unreadable),
    }
}

/// The scenario an opened file or pasted text holds, or why not.
pub fn read_scenario(bytes: &[u8]) -> Result<Scenario, FileProblem> {
    if bytes.len() > MAX_SCENARIO_BYTES {
        return Err(FileProblem::TooLarge(bytes.len() as u64));
    }
    if let Some(kind) = kind_of(bytes) {
        return Err(FileProblem::Looks(kind));
    }
    let text = decode(bytes)?;
    if is_table(&text) {
        return Err(FileProblem::Looks(FileKind::Table));
    }
    let scenario = Scenario::from_json(&text).map_err(FileProblem::Scenario)?;
    match crate::model::validate::validate_all(&scenario).into_iter().next() {
        Some(error) => Err(FileProblem::Scenario(error)),
        None => Ok(scenario),
    }
}

/// UTF-8, a byte-order mark dropped (Windows editors write one).
fn decode(bytes: &[u8]) -> Result<String, FileProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| FileProblem::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::fixtures::{scenario, OWN, OWN_DISCOUNT_RATE_2};

    #[test]
    fn a_scenario_file_reads_in_utf8_with_or_without_a_mark() {
        let own = scenario(OWN);
        assert_eq!(read_scenario(OWN.as_bytes()), Ok(own.clone()));
        let marked = [&b"\xEF\xBB\xBF"[..], OWN.as_bytes()].concat();
        assert_eq!(read_scenario(&marked), Ok(own.clone()));
        // On one line, its commas on the first line: still a scenario, not a table.
        let compact = [&b"\xEF\xBB\xBF"[..], serde_json::to_string(&own).unwrap().as_bytes()].concat();
        assert_eq!(read_scenario(&compact), Ok(own));
    }

    #[test]
    fn other_kinds_of_file_are_named_not_read_as_json() {
        // The first bytes of real files: an .xlsx (a ZIP whose entries are under xl/), a .docx,
        // an .xls, a PDF, PNG, JPEG and WebP images, and this app's CSV export.
        let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml ... PK\x03\x04 xl/workbook.xml";
        let cases: [(&[u8], FileKind); 8] = [
            (xlsx, FileKind::Workbook),
            (b"PK\x03\x04\x14\x00\x06\x00 word/document.xml", FileKind::Archive),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", FileKind::Workbook),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", FileKind::Pdf),
            (b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR", FileKind::Image),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", FileKind::Image),
            (b"RIFF\x24\0\0\0WEBPVP8 ", FileKind::Image),
            ("År;Ingående saldo;Anslag\n2026;0;1000\n".as_bytes(), FileKind::Table),
        ];
        for (bytes, kind) in cases {
            assert_eq!(read_scenario(bytes), Err(FileProblem::Looks(kind)), "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn other_text_is_left_to_the_json_reader_which_says_where_it_stops() {
        for text in ["Just some notes\nabout the fund\n", "not json", "[1, 2]"] {
            match read_scenario(text.as_bytes()) {
                Err(FileProblem::Scenario(e)) => assert_eq!(e.path, "", "{text}: {e}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_as_such() {
        // "{"name": "Växjö"}" in Latin-1: ä and ö are single bytes that UTF-8 does not allow.
        assert_eq!(read_scenario(b"{\"name\": \"V\xE4xj\xF6\"}"), Err(FileProblem::NotUtf8));
        // UTF-16 (Notepad's "Unicode"), with its mark.
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(OWN.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(read_scenario(&utf16), Err(FileProblem::NotUtf8));
    }

    #[test]
    fn json_is_refused_with_the_engine_message_naming_the_field() {
        match read_scenario(OWN_DISCOUNT_RATE_2.as_bytes()) {
            Err(FileProblem::Scenario(e)) => assert_eq!(e.path, "discount_rate"),
            other => panic!("expected the engine's refusal, got {other:?}"),
        }
        // Broken JSON that begins like a scenario is a JSON error, as it is a damaged scenario file.
        assert!(matches!(read_scenario(b"{ \"schema_version\": 1,"), Err(FileProblem::Scenario(_))));
        assert!(matches!(read_scenario(b""), Err(FileProblem::Scenario(_))));
    }

    #[test]
    fn more_than_the_limit_is_refused_before_reading() {
        // One byte over 5 000 000: a valid scenario padded with spaces is not read.
        let padded = format!("{OWN}{}", " ".repeat(MAX_SCENARIO_BYTES + 1 - OWN.len()));
        assert_eq!(read_scenario(padded.as_bytes()), Err(FileProblem::TooLarge(5_000_001)));
        let exact = format!("{OWN}{}", " ".repeat(MAX_SCENARIO_BYTES - OWN.len()));
        assert_eq!(read_scenario(exact.as_bytes()), Ok(scenario(OWN)));
    }
}
