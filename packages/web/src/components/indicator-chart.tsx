import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Okabe and Ito's palette: told apart with the common colour-vision deficiencies. */
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

export interface ChartSeries {
  label: string;
  /** One value per group; null draws no bar (a count not shown). */
  values: (number | null)[];
}

/**
 * A grouped bar chart (Chart.js on a canvas), one group of bars per label. The canvas is an image
 * named by `title` for assistive technology; the table beside it carries the figures. Loaded on
 * demand, so the library is only fetched by those who see a chart.
 */
export function IndicatorChart({
  labels,
  series,
  title,
  locale,
  rtl,
}: {
  labels: string[];
  series: ChartSeries[];
  title: string;
  locale: string;
  rtl: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify({ labels, series, locale, rtl });
  useEffect(() => {
    if (!canvas.current) return;
    // The page's own type and text colour, not the library's defaults.
    const style = getComputedStyle(canvas.current);
    Chart.defaults.font.family = style.fontFamily;
    Chart.defaults.color = style.color;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: palette[i % palette.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale,
        plugins: {
          legend: { position: 'bottom', rtl, labels: { boxWidth: 14 } },
          tooltip: { rtl },
        },
        scales: {
          x: { reverse: rtl, grid: { display: false } },
          y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
    // `key` stands for the inputs.
  }, [key]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
