//! Presentation mode, the decisions (pure, tested natively): which key does
//! what, which preset a step lands on, and which repayment share the speaker
//! changes live. The component that draws the mode is
//! [`crate::ui::view::components::presentation`].
//!
//! Keys (a presenter's clicker sends PageUp / PageDown):
//! → PageDown Space: next preset; ← PageUp: previous preset; 1–9: preset N;
//! q: the QR code large / small; Esc: leave presentation mode. No key acts
//! while the focus is in a field (typing `2` in the allocation stays typing),
//! none with Ctrl, Alt or Meta held (the browser's shortcuts stay), and Space
//! on a focused button presses the button.

use rust_decimal::Decimal;

use crate::model::RepaymentRule;

/// What a key asks presentation mode to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// The next preset.
    Next,
    /// The previous preset.
    Previous,
    /// The preset numbered N (0-based index).
    Preset(usize),
    /// The QR code large / small.
    ToggleQr,
    /// Leave presentation mode (and full screen).
    Leave,
}

/// Where the focus is when a key is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Nothing that takes keys (the page, a heading, a chart).
    Page,
    /// A field the speaker types in: input, select, textarea, editable text.
    Field,
    /// A button, link or summary (Space and Enter press it).
    Control,
}

/// The command for a key (`KeyboardEvent.key`), or `None` when the key is
/// left to the page: while typing in a field, with a modifier held, Space
/// on a button, or any other key.
pub fn command_for(key: &str, focus: Focus, modifier: bool) -> Option<Command> {
    if modifier || focus == Focus::Field {
        return None;
    }
    match key {
        "ArrowRight" | "PageDown" => Some(Command::Next),
        " " | "Spacebar" if focus == Focus::Page => Some(Command::Next),
        "ArrowLeft" | "PageUp" => Some(Command::Previous),
        "q" | "Q" => Some(Command::ToggleQr),
        "Escape" | "Esc" => Some(Command::Leave),
        _ => {
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(c @ '1'..='9'), None) => Some(Command::Preset(c as usize - '1' as usize)),
                _ => None,
            }
        }
    }
}

/// The preset (index among `count`) a step lands on from `current` (the preset
/// the scenario came from, if any); `None` when there is nowhere to go (the
/// ends do not wrap: a clicker pressed once too often stays on the last slide).
/// From a scenario of its own, next opens the first preset and previous the last.
pub fn step(current: Option<usize>, count: usize, command: Command) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let target = match (command, current) {
        (Command::Next, None) => 0,
        (Command::Previous, None) => count - 1,
        (Command::Next, Some(i)) => i.saturating_add(1),
        (Command::Previous, Some(i)) => i.checked_sub(1)?,
        (Command::Preset(n), _) => n,
        (Command::ToggleQr | Command::Leave, _) => return None,
    };
    (target < count).then_some(target)
}

/// The live repayment control for the scenario's default rule.
///
/// - `savings_share`: the share of their savings the inside actors repay (0–100 %).
/// - `fixed`: the share of the grant the owner repays (0–500 %; above 100 % models interest):
///   the rule's own share, so the speaker still changes "how much comes back".
/// - none, or no default: no control, the rule's sentence instead (changing
///   a grant into a loan on stage would change the kind of rule, not a figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareControl {
    OfSavings(Decimal),
    OfGrant(Decimal),
    Grant,
}

/// The control for `rule` (the scenario's `repayment_default`).
pub fn share_control(rule: Option<&RepaymentRule>) -> ShareControl {
    match rule {
        Some(RepaymentRule::SavingsShare { share, .. }) => ShareControl::OfSavings(*share),
        Some(RepaymentRule::Fixed { share, .. }) => ShareControl::OfGrant(*share),
        Some(RepaymentRule::None) | None => ShareControl::Grant,
    }
}

/// `rule` with its share set to `share` (everything else kept); `None` when the rule has no share.
pub fn with_share(rule: Option<&RepaymentRule>, share: Decimal) -> Option<RepaymentRule> {
    match rule {
        Some(RepaymentRule::SavingsShare { cap, start_after, .. }) => {
            Some(RepaymentRule::SavingsShare { share, cap: *cap, start_after: *start_after })
        }
        Some(RepaymentRule::Fixed { years, start_after, .. }) => {
            Some(RepaymentRule::Fixed { share, years: *years, start_after: *start_after })
        }
        Some(RepaymentRule::None) | None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_commands() {
        let page = |key| command_for(key, Focus::Page, false);
        assert_eq!(page("ArrowRight"), Some(Command::Next));
        assert_eq!(page("PageDown"), Some(Command::Next));
        assert_eq!(page(" "), Some(Command::Next));
        assert_eq!(page("ArrowLeft"), Some(Command::Previous));
        assert_eq!(page("PageUp"), Some(Command::Previous));
        assert_eq!(page("1"), Some(Command::Preset(0)));
        assert_eq!(page("4"), Some(Command::Preset(3)));
        assert_eq!(page("q"), Some(Command::ToggleQr));
        assert_eq!(page("Q"), Some(Command::ToggleQr));
        assert_eq!(page("Escape"), Some(Command::Leave));
        for other in ["0", "a", "Enter", "Tab", "ArrowUp", "ArrowDown", "12", "F5", ""] {
            assert_eq!(page(other), None, "{other:?}");
        }
    }

    #[test]
    fn no_key_acts_while_typing_or_with_a_modifier() {
        for key in ["ArrowRight", "PageDown", " ", "ArrowLeft", "PageUp", "1", "2", "q", "Escape"] {
            assert_eq!(command_for(key, Focus::Field, false), None, "{key:?} in a field");
            assert_eq!(command_for(key, Focus::Page, true), None, "{key:?} with a modifier");
        }
    }

    #[test]
    fn space_presses_a_focused_button_but_clicker_keys_still_step() {
        assert_eq!(command_for(" ", Focus::Control, false), None);
        assert_eq!(command_for("PageDown", Focus::Control, false), Some(Command::Next));
        assert_eq!(command_for("PageUp", Focus::Control, false), Some(Command::Previous));
        assert_eq!(command_for("Escape", Focus::Control, false), Some(Command::Leave));
        assert_eq!(command_for("3", Focus::Control, false), Some(Command::Preset(2)));
    }

    #[test]
    fn steps_move_between_presets_without_wrapping() {
        // Four presets, indices 0..=3.
        assert_eq!(step(Some(0), 4, Command::Next), Some(1));
        assert_eq!(step(Some(2), 4, Command::Next), Some(3));
        assert_eq!(step(Some(3), 4, Command::Next), None, "the last stays the last");
        assert_eq!(step(Some(1), 4, Command::Previous), Some(0));
        assert_eq!(step(Some(0), 4, Command::Previous), None, "the first stays the first");
        // From a scenario of its own: next is the first, previous the last.
        assert_eq!(step(None, 4, Command::Next), Some(0));
        assert_eq!(step(None, 4, Command::Previous), Some(3));
        // Number keys: preset N when it exists (also the current one, which resets its edits).
        assert_eq!(step(Some(0), 4, Command::Preset(2)), Some(2));
        assert_eq!(step(Some(2), 4, Command::Preset(2)), Some(2));
        assert_eq!(step(Some(0), 4, Command::Preset(4)), None);
        assert_eq!(step(None, 0, Command::Next), None);
        assert_eq!(step(Some(0), 4, Command::ToggleQr), None);
        assert_eq!(step(Some(0), 4, Command::Leave), None);
    }

    #[test]
    fn the_repayment_control_follows_the_default_rule() {
        let half = Decimal::new(5, 1);
        let savings = RepaymentRule::SavingsShare { share: half, cap: Some(Decimal::ONE), start_after: 2 };
        assert_eq!(share_control(Some(&savings)), ShareControl::OfSavings(half));
        // Only the share changes: the cap and the start stay.
        assert_eq!(
            with_share(Some(&savings), Decimal::new(8, 1)),
            Some(RepaymentRule::SavingsShare { share: Decimal::new(8, 1), cap: Some(Decimal::ONE), start_after: 2 })
        );
        let fixed = RepaymentRule::Fixed { share: Decimal::ONE, years: 5, start_after: 1 };
        assert_eq!(share_control(Some(&fixed)), ShareControl::OfGrant(Decimal::ONE));
        assert_eq!(
            with_share(Some(&fixed), Decimal::new(12, 1)),
            Some(RepaymentRule::Fixed { share: Decimal::new(12, 1), years: 5, start_after: 1 })
        );
        assert_eq!(share_control(Some(&RepaymentRule::None)), ShareControl::Grant);
        assert_eq!(share_control(None), ShareControl::Grant);
        assert_eq!(with_share(None, half), None);
        assert_eq!(with_share(Some(&RepaymentRule::None), half), None);
    }
}
