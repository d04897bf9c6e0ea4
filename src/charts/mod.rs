//! The charts without Yew: their layouts ([`layout`]: every position, size
//! and text as data), the parts they share drawn as markup text ([`draw`]),
//! and the two charts below the first results — the money flow ([`flow`])
//! and the net per actor and year ([`actor_years`]) — drawn whole as an
//! `<svg>` by the on-demand module ([`svg`]), so that neither is in the
//! first download (about 19 KiB gzip). The fund and who-pays charts are drawn
//! by the app (`ui::view::charts`) from the same layouts and parts.
//!
//! A chart drawn whole is as accessible as the app's own: each item a
//! focusable group with its label, every tooltip written but hidden, shown on
//! focus or hover by one listener on the chart's box (`www/on-demand.js`,
//! `wireChart`), which also walks the items with the arrow keys and hides the
//! tooltip on Escape.

pub mod actor_years;
pub mod draw;
pub mod flow;
pub mod layout;
pub mod svg;
