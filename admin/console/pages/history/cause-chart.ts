import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Cause, CauseFigures } from '../../../../core/client';
import { CAUSES } from '../../../../core/client';
import { causeLabel } from '../../../../ui/cause/cause-presentation';

// Chart.js is tree-shaken: only what a stacked bar chart needs.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One colour per cause, readable on white and told apart without red/green alone. */
const COLOURS: Record<Cause, string> = {
  technical_problem: '#c2410c',
  long_transaction: '#7c3aed',
  staff_late: '#0369a1',
  staff_shortage: '#0f766e',
  high_demand: '#b45309',
  cash_logistics: '#4d7c0f',
  maintenance: '#475569',
  other: '#9f1239',
};

/** Minutes of notices per cause, stacked per period, on a canvas: the table beside it carries the same numbers for screen readers. */
export function drawCauseChart(canvas: HTMLCanvasElement, causes: readonly CauseFigures[], lang: string, previous?: Chart): Chart {
  previous?.destroy();
  const periods = [...new Set(causes.map((c) => c.period))].sort();
  const present = CAUSES.filter((c) => causes.some((f) => f.cause === c));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: periods,
      datasets: present.map((cause) => ({
        label: causeLabel(cause, lang),
        backgroundColor: COLOURS[cause],
        data: periods.map((p) => causes.filter((f) => f.period === p && f.cause === cause).reduce((s, f) => s + f.minutes, 0)),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Numbers in the console's language ("1,4" in Italian).
      locale: lang === 'en' ? 'en-GB' : lang,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}
