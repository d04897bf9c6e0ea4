// The third way to embed fundsim: the JavaScript API (README, "Embedding").
// A host page's own script computes with simulate() and shows the figures in
// its own markup, and mounts the whole app with mount(element, options) where
// it wants it. Under a strict Content Security Policy this code lives in a
// file of its own (no inline script), like this one.
import init, { simulate, mount } from '../pkg/fundsim.js';

await init();

// 1. simulate(): the contract's example scenario, its figures in a host table.
const scenario = {
  "schema_version": 1,
  "name": "Tidiga insatser för barn och unga",
  "description": "free text",
  "currency": "SEK",
  "start_year": 2026,
  "horizon_years": 15,
  "discount_rate": "0.035",
  "actors": [
    {
      "id": "central",
      "name": "Regionstyrelsen",
      "inside": true
    },
    {
      "id": "school",
      "name": "Utbildningsförvaltningen",
      "inside": true
    },
    {
      "id": "social",
      "name": "Socialförvaltningen",
      "inside": true
    },
    {
      "id": "state",
      "name": "Staten",
      "inside": false
    }
  ],
  "fund": {
    "financed_by": "central",
    "accounting": "appropriation",
    "initial_capital": "0",
    "allocations": [
      "10000000",
      "10000000",
      "10000000"
    ]
  },
  "repayment_default": {
    "kind": "savings_share",
    "share": "0.5",
    "cap": "1"
  },
  "interventions": [
    {
      "id": "early-reading",
      "name": "Läsfrämjande i förskoleklass",
      "owner": "school",
      "start": 0,
      "years": 3,
      "annual_cost": "2500000",
      "fund_share": "1",
      "participants_per_year": "60",
      "success_rate": "0.2",
      "deadweight": "0.25",
      "lag_years": 2,
      "benefit_years": 10,
      "drop_off": "0.1",
      "avoided_costs": [
        {
          "actor": "social",
          "per_year": "90000"
        },
        {
          "actor": "state",
          "per_year": "60000"
        }
      ],
      "repayment": {
        "kind": "fixed",
        "share": "1",
        "years": 5,
        "start_after": 0
      },
      "uncertainty": {
        "success_rate": {
          "low": "0.1",
          "high": "0.3"
        }
      }
    }
  ]
};
const result = JSON.parse(simulate(JSON.stringify(scenario)));
const kr = (text) => `${Number(text).toLocaleString('sv-SE', { minimumFractionDigits: 2 })} kr`;
const rows = [
  ['Återbetalningsår', String(result.key_figures.payback_year ?? '–')],
  ['Besparingar inom organisationen', kr(result.key_figures.savings_inside)],
  ['Besparingar utanför organisationen', kr(result.key_figures.savings_outside)],
  ['Fondens saldo sista året', kr(result.fund[result.fund.length - 1].close)],
];
const body = document.querySelector('#api-figures tbody');
for (const [label, value] of rows) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  const td = document.createElement('td');
  td.textContent = value;
  tr.append(th, td);
  body.append(tr);
}

// 2. mount(): the whole app, here the jobs preset in English, results only,
// in a shadow root of its own so that the host page's styles stay out (as
// www/embed.js does for the script form).
const host = document.querySelector('#api-widget');
const shadow = host.attachShadow({ mode: 'open' });
for (const name of ['../pkg/style.css', 'embed.css']) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(name, import.meta.url).href;
  shadow.append(link);
}
const root = document.createElement('div');
root.className = 'fundsim-embed';
shadow.append(root);
mount(root, JSON.stringify({ preset: 'jobs', lang: 'en', view: 'results' }));
