//! Monte Carlo (placeholder).
use super::ScenarioError;
pub fn monte_carlo_json(_json: &str, _seed: f64, _draws: u32) -> Result<String, ScenarioError> {
    Err(ScenarioError::new("", "todo"))
}
