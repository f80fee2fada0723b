import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { WallboardFigures } from '@rexian/contracts';
import { useT } from '../i18n/use-t';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Today's calls by hour: answered and abandoned stacked. */
export function HourlyChart({ byHour }: { byHour: WallboardFigures['byHour'] }) {
  const t = useT();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('wallboard.answered'), t('wallboard.abandoned'), t('wallboard.other')] },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: byHour.map((h) => `${h.hour}时`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('wallboard.answered'), type: 'bar', stack: 'calls', data: byHour.map((h) => h.answered), itemStyle: { color: '#52c41a' } },
      { name: t('wallboard.abandoned'), type: 'bar', stack: 'calls', data: byHour.map((h) => h.abandoned), itemStyle: { color: '#ff4d4f' } },
      { name: t('wallboard.other'), type: 'bar', stack: 'calls', data: byHour.map((h) => h.other), itemStyle: { color: '#bfbfbf' } },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />;
}
