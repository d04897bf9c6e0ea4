//! A chart as a file: its `<svg>` made standalone (colours written in), as SVG or PNG.

use wasm_bindgen::{JsCast, JsValue};

use super::files::download_blob;
use crate::ui::export::{svg_file, COLOUR_ATTRIBUTES};

/// The page paints the charts by class from its style sheet (never by inline
/// style: the page runs under `style-src 'self'`). A file has no style sheet,
/// so every shape of `original` painted by such a class, or whose colour
/// attribute names one of the page's custom properties (`var(--c-…)`), gets
/// its computed colours written into `copy` (a deep clone, same shape) as
/// presentation attributes, which neither the page's policy nor an SVG
/// viewer refuses. Only colour attributes change: text and labels (where
/// the names are) are never touched.
fn paint_into_attributes(window: &web_sys::Window, original: &web_sys::Element, copy: &web_sys::Element) {
    let class = original.get_attribute("class").unwrap_or_default();
    let painted = ["chart-fill-", "chart-stroke-", "chart-tooltip-", "chart-halo"].iter().any(|c| class.contains(c));
    let mut names: Vec<&str> = match (painted, class.split_whitespace().any(|c| c == "chart-halo")) {
        (true, true) => vec!["fill", "stroke", "stroke-width", "paint-order", "stroke-linejoin"],
        (true, false) => vec!["fill", "stroke"],
        (false, _) => vec![],
    };
    for name in COLOUR_ATTRIBUTES {
        if !names.contains(&name) && original.get_attribute(name).is_some_and(|v| v.contains("var(")) {
            names.push(name);
        }
    }
    if !names.is_empty() {
        if let Ok(Some(style)) = window.get_computed_style(original) {
            for name in names {
                if let Ok(value) = style.get_property_value(name) {
                    if !value.is_empty() {
                        let _ = copy.set_attribute(name, &value);
                    }
                }
            }
        }
    }
    let (mut from, mut to) = (original.first_element_child(), copy.first_element_child());
    while let (Some(a), Some(b)) = (from, to) {
        paint_into_attributes(window, &a, &b);
        from = a.next_element_sibling();
        to = b.next_element_sibling();
    }
}

/// A chart's `<svg>` as a standalone file: a copy without the tooltip and
/// the page's layout style, sized by its viewBox, in the page's font, with
/// the colours written in (see [`paint_into_attributes`] and
/// [`crate::ui::export::svg_file`]).
/// Returns the markup and its width and height in CSS pixels.
pub fn chart_svg(svg: &web_sys::Element) -> Option<(String, f64, f64)> {
    let window = web_sys::window()?;
    let font = window
        .get_computed_style(svg)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("font-family").ok())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "system-ui, sans-serif".to_string());
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    paint_into_attributes(&window, svg, &copy);
    while let Ok(Some(tooltip)) = copy.query_selector(".chart-tooltip") {
        tooltip.remove();
    }
    let view_box = svg.get_attribute("viewBox").unwrap_or_default();
    // JavaScript's parseFloat, not `str::parse::<f64>`: Rust's float parser
    // brings a 10 KB table of powers of five into the download for this one line.
    let numbers: Vec<f64> =
        view_box.split([' ', ',']).map(|n| js_sys::parse_float(n.trim())).filter(|n| n.is_finite()).collect();
    let (width, height) = match numbers[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => (f64::from(svg.client_width().max(1)), f64::from(svg.client_height().max(1))),
    };
    for name in ["style", "class", "width", "height", "preserveAspectRatio"] {
        let _ = copy.remove_attribute(name);
    }
    copy.set_attribute("width", &width.to_string()).ok()?;
    copy.set_attribute("height", &height.to_string()).ok()?;
    copy.set_attribute("font-family", &font).ok()?;
    let markup = web_sys::XmlSerializer::new().ok()?.serialize_to_string(&copy).ok()?;
    Some((svg_file(&markup), width, height))
}

fn svg_blob(markup: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(markup));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers a chart's `<svg>` as `file_name` (an SVG file); `false` when the browser refused.
pub fn download_chart_svg(svg: &web_sys::Element, file_name: &str) -> bool {
    chart_svg(svg).and_then(|(markup, _, _)| svg_blob(&markup)).is_some_and(|blob| download_blob(file_name, &blob))
}

/// Offers a chart's `<svg>` as `file_name` (a PNG file): drawn on a canvas
/// `scale` times its size, on white. Everything happens in the page: the SVG
/// is loaded from a blob URL, the PNG is the canvas's blob. `false` when it
/// could not even start; a later failure downloads nothing. The blob: image
/// is the one thing a strict Content Security Policy must allow for this
/// (`img-src 'self' blob:`): a browser decodes an SVG onto a canvas only
/// through an image element.
pub fn download_chart_png(svg: &web_sys::Element, file_name: &str, scale: f64) -> bool {
    fn go(svg: &web_sys::Element, file_name: &str, scale: f64) -> Option<()> {
        use wasm_bindgen::closure::Closure;
        let (markup, width, height) = chart_svg(svg)?;
        let document = web_sys::window()?.document()?;
        let url = web_sys::Url::create_object_url_with_blob(&svg_blob(&markup)?).ok()?;
        let image = web_sys::HtmlImageElement::new().ok()?;
        let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
        let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let file_name = file_name.to_string();
        let loaded = image.clone();
        let source = url.clone();
        let onload = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&source);
            let Some(context) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            context.set_fill_style_str("#ffffff");
            context.fill_rect(0.0, 0.0, w, h);
            if context.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h).is_err() {
                return;
            }
            let done = Closure::once_into_js(move |blob: JsValue| {
                if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                    download_blob(&file_name, &blob);
                }
            });
            let _ = canvas.to_blob(done.unchecked_ref());
        });
        image.set_onload(Some(onload.unchecked_ref()));
        image.set_src(&url);
        Some(())
    }
    go(svg, file_name, scale).is_some()
}
