//! The browser calls behind share and keep, in one place, so that components
//! stay declarative: the URL fragment and the history, local storage, the
//! clipboard, file downloads, reading an opened file, and the on-demand
//! module (Excel workbooks and QR codes).
//!
//! Every call tolerates a browser that refuses (storage turned off, no
//! clipboard, a sandboxed frame): it reports `false`/`None` instead of
//! panicking, and the app carries on. Only the app that owns the page calls
//! the fragment, history and storage functions (see [`crate::ui::view::app`]); an
//! app embedded in someone else's page leaves that page's address alone.
//!
//! [`PageSync`](page::PageSync) keeps the address and the autosave in step with the scenario:
//! edits are written after a pause ([`DEBOUNCE_MS`](page::DEBOUNCE_MS), `history.replaceState`,
//! so there is no history entry per keystroke); a whole new scenario (a
//! preset, a file) gets its own entry (`history.pushState`).
//!
//! One file per job: [`page`] (address, history, autosave in step, full
//! screen, printing), [`storage`], [`files`] (downloads, opened files, the
//! clipboard), [`chart_files`], [`on_demand`], [`compress`] and [`timing`].
//! The names below are the boundary the views call.

pub mod analysis_worker;
pub mod chart_files;
pub mod compress;
pub mod files;
pub mod on_demand;
pub mod page;
pub mod storage;
pub mod timing;

pub use chart_files::{chart_svg, download_chart_png, download_chart_svg};
pub use compress::{deflate_raw, inflate_fragment};
pub use files::{copy_text, download, download_blob, read_file};
/// The on-demand module's loading and its markup writers, by name: `analysis::year_tables(…)`.
pub use on_demand as analysis;
pub use on_demand::{excel_workbook, qr_svg};
pub use page::{
    exit_fullscreen, is_fullscreen, location_fragment, on_print_change, page_link, request_fullscreen, write_fragment,
    PageSync, DEBOUNCE_MS,
};
pub use storage::{storage_get, storage_move, storage_remove, storage_set, storage_works};
pub use timing::{after_next_paint, after_paint_or_wait, now_ms, AfterPaint, AfterPaintOrWait};
