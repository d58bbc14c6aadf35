import { BarChart, FunnelChart, LineChart, PieChart, type BarSeriesOption, type FunnelSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../../app/reduced-motion';

// only what the reports draw: the rest of ECharts stays out of the bundle
use([BarChart, FunnelChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The console's self-hosted font, drawn into the canvas too. */
const FONT = "'Noto Sans SC', sans-serif";

export type ChartOption = ComposeOption<BarSeriesOption | FunnelSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/**
 * One ECharts chart: created on mount, given each new option, resized with its box, disposed on unmount.
 * It is an image to assistive technology, named by `summary` (the numbers are also in a table beside it).
 */
export function ReportChart({ option, summary, height = 280 }: { option: ChartOption; summary: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init>>(undefined);
  useEffect(() => {
    const instance = init(box.current!);
    chart.current = instance;
    const resizing = new ResizeObserver(() => instance.resize());
    resizing.observe(box.current!);
    return () => {
      resizing.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: !prefersReducedMotion(), ...option, aria: { enabled: true, label: { description: summary } } }, { notMerge: true });
  }, [option, summary]);
  return <div ref={box} role="img" aria-label={summary} style={{ width: '100%', height }} />;
}
