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
//! The words the app shows are the Yew-free [`crate::words`] layer's
//! (`words::app` for the interface's own); the view says the state's own
//! values (notices, an id taken) with `view::notices`. [`export`] asks for
//! the files a user downloads, whose tables and writers are [`crate::tables`].

pub mod browser;
pub mod export;
pub mod state;
pub mod view;
