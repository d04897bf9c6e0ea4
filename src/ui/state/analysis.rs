//! What the app knows of a scenario's analysis, which runs off the main
//! thread (`browser::analysis_worker`): the break-even, sensitivity and Monte
//! Carlo figures as the contract's JSON, kept whole for the on-demand module
//! that says and draws them (`report::decision`), and the progress of a run.
//! The app's own download reads none of it. Pure: tested natively.

use std::rc::Rc;

/// One scenario's analysis as far as it has come.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// `breakEven`'s JSON, asked of the current term's last year.
    pub break_even_json: Option<Rc<str>>,
    /// `sensitivity`'s JSON.
    pub sensitivity_json: Option<Rc<str>>,
    /// `monteCarlo`'s JSON of the last finished run, and its draws.
    pub monte_carlo_json: Option<Rc<str>>,
    pub draws: u32,
    /// Draws done and asked for, while a run goes on.
    pub progress: Option<(u32, u32)>,
}

/// What happened to the analysis.
#[derive(Debug, Clone, PartialEq)]
pub enum News {
    /// A new scenario is being analysed: with no ranges it has no Monte Carlo figures.
    Started {
        ranged: bool,
    },
    BreakEven(String),
    Sensitivity(String),
    Progress(u32, u32),
    /// A run of this many draws finished with these figures.
    MonteCarlo(String, u32),
    /// It stopped without figures: the progress goes, the figures before stay.
    Failed,
}

impl yew::Reducible for Analysis {
    type Action = News;

    fn reduce(self: Rc<Self>, news: News) -> Rc<Self> {
        let before = (*self).clone();
        Rc::new(match news {
            // The figures before stay on screen until the new ones come.
            News::Started { ranged: true } => Analysis { progress: None, ..before },
            News::Started { ranged: false } => Analysis { monte_carlo_json: None, draws: 0, progress: None, ..before },
            News::BreakEven(json) => Analysis { break_even_json: Some(Rc::from(json)), ..before },
            News::Sensitivity(json) => Analysis { sensitivity_json: Some(Rc::from(json)), ..before },
            News::Progress(done, draws) => Analysis { progress: Some((done, draws)), ..before },
            News::MonteCarlo(json, draws) => {
                // A quick run's figures show while the full run's progress goes on.
                let progress = before.progress.filter(|&(_, asked)| asked > draws);
                Analysis { monte_carlo_json: Some(Rc::from(json)), draws, progress, ..before }
            }
            News::Failed => Analysis { progress: None, ..before },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yew::Reducible;

    fn after(news: Vec<News>) -> Rc<Analysis> {
        news.into_iter().fold(Rc::new(Analysis::default()), |a, n| a.reduce(n))
    }

    #[test]
    fn a_finished_run_ends_its_own_progress_but_not_a_longer_runs() {
        let a = after(vec![News::Progress(300, 1000), News::MonteCarlo("{}".into(), 1000)]);
        assert_eq!((a.progress, a.draws), (None, 1000));
        assert_eq!(a.monte_carlo_json.as_deref(), Some("{}"));
        let b = after(vec![News::Progress(2000, 10_000), News::MonteCarlo("{}".into(), 1000)]);
        assert_eq!(b.progress, Some((2000, 10_000)));
    }

    #[test]
    fn a_scenario_without_ranges_has_no_monte_carlo_figures_and_one_with_keeps_the_last_until_new_ones_come() {
        let shown = vec![News::BreakEven("b".into()), News::MonteCarlo("m".into(), 1000), News::Progress(5, 10)];
        let ranged = after([shown.clone(), vec![News::Started { ranged: true }]].concat());
        assert!(ranged.monte_carlo_json.is_some() && ranged.progress.is_none());
        let plain = after([shown, vec![News::Started { ranged: false }]].concat());
        assert!(plain.monte_carlo_json.is_none() && plain.progress.is_none());
        // The break-even figures stay until the new scenario's come.
        assert_eq!(plain.break_even_json.as_deref(), Some("b"));
    }

    #[test]
    fn a_failure_ends_the_progress_and_keeps_the_figures() {
        let a = after(vec![News::Sensitivity("s".into()), News::Progress(1, 2), News::Failed]);
        assert_eq!((a.progress, a.sensitivity_json.as_deref()), (None, Some("s")));
    }
}
