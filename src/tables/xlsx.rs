//! Writes the workbook's [`Sheet`]s as an `.xlsx` file with `rust_xlsxwriter`
//! (feature `on-demand` only): one number format per [`Value`] type, bold
//! headings, frozen headers, the widths the sheet model chose, and a page
//! setup that prints each sheet one page wide, landscape.

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::workbook::{Row, Sheet, Style};
use super::Value;

/// Thousands separators and 2 decimals: Excel shows `1 234 567,50` in
/// Swedish and `1,234,567.50` in English from the same code.
pub const MONEY_FORMAT: &str = "#,##0.00";
/// Percent with 2 decimals: a ratio rounded to 4 decimals shows all of them.
pub const RATIO_FORMAT: &str = "0.00%";
/// A year or a count: no thousands separator.
pub const WHOLE_FORMAT: &str = "0";

struct Formats {
    title: Format,
    note: Format,
    section: Format,
    header: Format,
    header_num: Format,
    text: Format,
    money: Format,
    ratio: Format,
    whole: Format,
    number: Format,
    total_text: Format,
    total_money: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Bottom)
            .set_border_bottom(FormatBorder::Thin);
        let total = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new().set_italic(),
            section: Format::new().set_bold().set_font_size(12),
            header_num: header.clone().set_align(FormatAlign::Right),
            header,
            text: Format::new().set_align(FormatAlign::Top),
            money: Format::new().set_num_format(MONEY_FORMAT),
            ratio: Format::new().set_num_format(RATIO_FORMAT),
            whole: Format::new().set_num_format(WHOLE_FORMAT).set_align(FormatAlign::Left),
            number: Format::new(),
            total_money: total.clone().set_num_format(MONEY_FORMAT),
            total_text: total,
        }
    }
}

/// A decimal as the nearest `f64`: the same number JavaScript reads from the
/// result JSON's string (the decimal's text parsed, correctly rounded).
fn to_f64(value: rust_decimal::Decimal) -> f64 {
    value.to_string().parse().unwrap_or(0.0)
}

/// Whether column `c` holds numbers below this header (to align the heading right).
fn numeric_below(rows: &[Row], header: usize, c: usize) -> bool {
    rows.iter()
        .skip(header + 1)
        .take_while(|r| r.style == Style::Body && !r.cells.is_empty())
        .any(|r| matches!(r.cells.get(c), Some(Value::Money(_) | Value::Ratio(_) | Value::Number(_))))
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet.name.as_str())?;
    for (c, w) in sheet.widths.iter().enumerate() {
        ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), *w)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let rn = u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, value) in row.cells.iter().enumerate() {
            let cn = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            let total = row.style == Style::Total;
            let text_format = match row.style {
                Style::Title => &f.title,
                Style::Note => &f.note,
                Style::Section => &f.section,
                Style::Header if numeric_below(&sheet.rows, r, c) => &f.header_num,
                Style::Header => &f.header,
                Style::Total => &f.total_text,
                Style::Body => &f.text,
            };
            match value {
                Value::Empty if total => {
                    ws.write_blank(rn, cn, &f.total_text)?;
                }
                Value::Empty => {}
                Value::Text(s) => {
                    ws.write_string_with_format(rn, cn, s.as_str(), text_format)?;
                }
                Value::Money(d) => {
                    ws.write_number_with_format(rn, cn, to_f64(*d), if total { &f.total_money } else { &f.money })?;
                }
                Value::Ratio(d) => {
                    ws.write_number_with_format(rn, cn, to_f64(*d), &f.ratio)?;
                }
                Value::Year(y) => {
                    ws.write_number_with_format(rn, cn, f64::from(*y), &f.whole)?;
                }
                Value::Count(n) => {
                    ws.write_number_with_format(rn, cn, f64::from(*n), &f.whole)?;
                }
                Value::Number(d) => {
                    ws.write_number_with_format(rn, cn, to_f64(*d), &f.number)?;
                }
            }
        }
    }
    let (rows, cols) = sheet.freeze;
    if rows > 0 || cols > 0 {
        ws.set_freeze_panes(rows, cols)?;
        if rows > 0 {
            ws.set_repeat_rows(0, rows - 1)?;
        }
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The `.xlsx` file of `sheets`; `title` becomes the document's title.
pub fn write(sheets: &[Sheet], title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(title));
    let formats = Formats::new();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        write_sheet(ws, sheet, &formats)?;
    }
    workbook.save_to_buffer()
}
