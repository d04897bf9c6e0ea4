//! The Yew app: it edits one scenario and draws its outcome. Three layers,
//! each folder one of them, arrows pointing one way (view → state, view →
//! browser; state and browser never import a view):
//!
//! - [`state`]: the pure decisions, tested natively — the scenario being
//!   edited, the `Action`s and the reducer, what a visit opens on
//!   (`opening`), the page's link and the autosave (`keep`), presentation
//!   mode's keys and steps (`present`), and which view is shown (`view`).
//! - [`view`]: the Yew components that render the state and dispatch its
//!   actions — the root `app`, `components`, the `editor` and the `charts`.
//! - [`browser`]: the browser boundary, one file per job (page and history,
//!   storage, files and clipboard, chart files, the on-demand module,
//!   compression, paint timing).
//!
//! `state` and `text` are Yew-free: the analysis module (feature
//! `analysis`, [`crate::report`]) is built with them and without the rest.
//!
//! [`text`] (the app's strings) is on its way into the Yew-free
//! [`crate::words`] layer (the names it shares with the downloads are there
//! already, in [`crate::words::labels`]); [`export`] asks for the files a
//! user downloads, whose tables and writers are [`crate::tables`].

#[cfg(feature = "app")]
pub mod browser;
#[cfg(feature = "app")]
pub mod export;
// The on-demand module uses only the words of `text` (and the types they name).
#[cfg_attr(not(feature = "app"), allow(dead_code))]
pub mod state;
#[cfg_attr(not(feature = "app"), allow(dead_code))]
pub mod text;
#[cfg(feature = "app")]
pub mod view;
