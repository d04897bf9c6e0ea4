//! Boundaries between a scenario and the world outside the app: links that
//! carry a whole scenario, and their QR codes. Pure functions, no browser.

pub mod base64url;
pub mod diff;
pub mod link;
pub mod qr;
