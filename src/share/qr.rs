//! QR codes of links, as SVG: big, high-contrast and with a quiet zone, so
//! that a phone at the back of a hall can read it from a projector.

use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text` as an SVG document (`viewBox` in modules, so it
/// scales to any size), or `None` when the text is too long for a QR code.
///
/// Error correction is Low: links are long, and a projected code is clean;
/// Low keeps the modules as large as possible.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    Some(render(&code))
}

/// The module grid of a QR code (for tests and custom rendering).
pub fn modules(text: &str) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = code.size();
    Some((0..size).map(|y| (0..size).map(|x| code.get_module(x, y)).collect()).collect())
}

fn render(code: &QrCode) -> String {
    const QUIET: i32 = 4;
    let size = code.size();
    let full = size + 2 * QUIET;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_svg_with_a_quiet_zone() {
        let svg = svg("http://127.0.0.1:8080/#v=1&s=abc").unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 "));
        let grid = modules("http://127.0.0.1:8080/#v=1&s=abc").unwrap();
        // A version-2 code is 25 modules wide; with 4 quiet modules on each side, 33.
        assert_eq!(grid.len(), 25);
        assert!(svg.contains("viewBox=\"0 0 33 33\""));
        // The three finder patterns: the top-left corner module is dark.
        assert!(grid[0][0] && grid[0][24] && grid[24][0]);
    }

    #[test]
    fn text_too_long_for_any_qr_code_gives_none() {
        assert!(svg(&"x".repeat(8000)).is_none());
    }
}
