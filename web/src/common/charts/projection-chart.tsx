import { lazy, Suspense, useMemo } from 'react';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatCompact } from '../format';

const EChart = lazy(() => import('./echart'));

type Day = Schemas['ProjectedDayView'];

const TARGET = '#8c8c8c';
const ACTUAL = '#237804';
const PROJECTED = '#1668dc';
const BAND80 = 'rgba(22,104,220,0.22)';
const BAND95 = 'rgba(22,104,220,0.12)';

/**
 * Cumulative target path, actuals, projected median and its 80/95 % bands over the year.
 * ECharts is loaded on demand, so pages without charts do not pay for it.
 */
export function ProjectionChart({
  daily,
  asOf,
  label,
  height = 240,
}: {
  daily: Day[];
  asOf?: string | null;
  label: string;
  height?: number;
}) {
  const { t, i18n } = useTranslation('overview');
  const option = useMemo(() => {
    const dates = daily.map((d) => d.date);
    const future = (d: Day) => !asOf || d.date > asOf;
    const band = (lo: (d: Day) => number, hi: (d: Day) => number, name: string, color: string) => [
      {
        name,
        type: 'line',
        stack: name,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color },
        data: daily.map((d) => (future(d) ? lo(d) : null)),
      },
      {
        name,
        type: 'line',
        stack: name,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color },
        areaStyle: { color, opacity: 1 },
        data: daily.map((d) => (future(d) ? hi(d) - lo(d) : null)),
      },
    ];
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const d = daily[params[0]?.dataIndex ?? -1];
          if (!d) return '';
          const rows = [
            `<b>${d.date}</b>`,
            `${t('chart.target')}: ${formatCompact(d.target)}`,
            d.actual != null ? `${t('chart.actual')}: ${formatCompact(d.actual)}` : null,
            future(d) ? `${t('chart.projected')}: ${formatCompact(d.projected)}` : null,
            future(d) ? `${t('chart.band80')}: ${formatCompact(d.lo80)} – ${formatCompact(d.hi80)}` : null,
            future(d) ? `${t('chart.band95')}: ${formatCompact(d.lo95)} – ${formatCompact(d.hi95)}` : null,
          ];
          return rows.filter(Boolean).join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: dates,
        boundaryGap: false,
        axisLabel: { formatter: (v: string) => v.slice(5) },
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v) } },
      series: [
        ...band(
          (d) => d.lo95,
          (d) => d.hi95,
          t('chart.band95'),
          BAND95,
        ),
        ...band(
          (d) => d.lo80,
          (d) => d.hi80,
          t('chart.band80'),
          BAND80,
        ),
        {
          name: t('chart.target'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed', color: TARGET },
          itemStyle: { color: TARGET },
          data: daily.map((d) => d.target),
        },
        {
          name: t('chart.actual'),
          type: 'line',
          symbol: 'none',
          lineStyle: { width: 2, color: ACTUAL },
          itemStyle: { color: ACTUAL },
          data: daily.map((d) => d.actual ?? null),
        },
        {
          name: t('chart.projected'),
          type: 'line',
          symbol: 'none',
          lineStyle: { width: 2, color: PROJECTED },
          itemStyle: { color: PROJECTED },
          data: daily.map((d) => (future(d) ? d.projected : null)),
        },
      ],
    };
  }, [daily, asOf, t, i18n.language]);
  // The legend is HTML (no ECharts legend component to load): swatches in the series' colours.
  const legend: [string, string, 'line' | 'dashed' | 'area'][] = [
    [t('chart.target'), TARGET, 'dashed'],
    [t('chart.actual'), ACTUAL, 'line'],
    [t('chart.projected'), PROJECTED, 'line'],
    [t('chart.band80'), BAND80, 'area'],
    [t('chart.band95'), BAND95, 'area'],
  ];
  return (
    <div>
      <ul className="chart-legend" aria-hidden>
        {legend.map(([name, color, kind]) => (
          <li key={name}>
            <span
              className={`chart-swatch ${kind}`}
              style={kind === 'area' ? { background: color } : { borderTopColor: color }}
            />
            {name}
          </li>
        ))}
      </ul>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
        <EChart option={option} height={height} label={label} />
      </Suspense>
    </div>
  );
}
