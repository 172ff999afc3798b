'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { rangeChartModel, type RangeChartModel, type SalaryResult } from '../../_lib/research-state';
import { formatMoney, formatMoneyShort } from '~/shared/money';

/** Drawn at the width it is shown at, so its labels keep a readable size on a phone too. */
const DEFAULT_WIDTH = 640;
const MARGIN = { left: 12, right: 12, top: 22, bottom: 34 };
const FONT_SIZE = 12;

function rowHeight(count: number): number {
  if (count <= 20) return 10;
  if (count <= 60) return 6;
  return 3;
}

/** The container's width in CSS pixels, kept current when the layout changes (a rotated phone). */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width];
}

/** A label near either edge grows inwards, so it is never cut off. */
function labelAnchor(at: number, width: number): 'start' | 'middle' | 'end' {
  const room = 60;
  if (at < room) return 'start';
  if (at > width - room) return 'end';
  return 'middle';
}

/** Every `every`-th tick is labelled, counted back from the last, so the labels stay evenly spaced. */
function showLabel(i: number, last: number, every: number): boolean {
  return (last - i) % every === 0;
}

function describe(model: RangeChartModel, currency: string): string {
  const parts: string[] = [];
  if (model.band && model.median !== null) {
    parts.push(
      `The middle half of the postings pay ${formatMoney(model.band.p25, currency)} to ${formatMoney(model.band.p75, currency)}, ` +
        `median ${formatMoney(model.median, currency)}.`,
    );
  }
  if (model.bars.length > 0) {
    const low = Math.min(...model.bars.map((b) => b.min));
    const high = Math.max(...model.bars.map((b) => b.max));
    const postings = model.bars.length === 1 ? '1 posting' : `${model.bars.length} postings`;
    parts.push(`${postings}, ranges from ${formatMoney(low, currency)} to ${formatMoney(high, currency)}.`);
  }
  return `Pay range chart. ${parts.join(' ')}`;
}

/**
 * The market at a glance: the p25–p75 band, the median, and each posting's range as a
 * thin bar under it. The picture is one image to a screen reader, named with the same
 * numbers the panel gives in text.
 */
export function SalaryRangeChart({ result }: { result: SalaryResult }) {
  const [box, width] = useWidth();
  const model = rangeChartModel(result);
  if (!model) return null;
  const { currency } = result;
  const row = rowHeight(model.bars.length);
  const plotHeight = Math.max(48, model.bars.length * row);
  const height = MARGIN.top + plotHeight + MARGIN.bottom;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const x = (amount: number) => MARGIN.left + ((amount - model.from) / (model.to - model.from)) * plotWidth;
  const axisY = MARGIN.top + plotHeight;
  // On a narrow screen every other label, so they never run into each other.
  const labelEvery = width < 420 && model.ticks.length > 4 ? 2 : 1;

  return (
    <figure className="space-y-2">
      <div ref={box} className="w-full">
        <svg
          role="img"
          aria-label={describe(model, currency)}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="block h-auto max-w-full"
        >
          {model.band ? (
            <rect
              x={x(model.band.p25)}
              y={MARGIN.top}
              width={Math.max(2, x(model.band.p75) - x(model.band.p25))}
              height={plotHeight}
              className="fill-blue-100"
            />
          ) : null}
          {model.bars.map((bar, i) => {
            const y = MARGIN.top + i * row + row / 2;
            const from = x(bar.min);
            // A posting with one amount, not a range, is still a visible mark.
            const to = Math.max(x(bar.max), from + 2);
            return (
              <line
                key={`${bar.url}-${i}`}
                x1={from}
                x2={to}
                y1={y}
                y2={y}
                strokeWidth={Math.max(1.5, row * 0.5)}
                strokeLinecap="butt"
                className="stroke-slate-600"
              />
            );
          })}
          {model.median !== null ? (
            <g>
              <line x1={x(model.median)} x2={x(model.median)} y1={MARGIN.top - 4} y2={axisY} strokeWidth={2.5} className="stroke-blue-800" />
              <text
                x={x(model.median)}
                y={MARGIN.top - 8}
                textAnchor={labelAnchor(x(model.median), width)}
                fontSize={FONT_SIZE}
                className="fill-blue-900 font-semibold"
              >
                Median {formatMoneyShort(model.median, currency)}
              </text>
            </g>
          ) : null}
          <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={axisY} y2={axisY} strokeWidth={1} className="stroke-slate-500" />
          {model.ticks.map((tick, i) => {
            const at = x(tick);
            const anchor = i === 0 ? 'start' : i === model.ticks.length - 1 ? 'end' : 'middle';
            return (
              <g key={tick}>
                <line x1={at} x2={at} y1={axisY} y2={axisY + 5} strokeWidth={1} className="stroke-slate-500" />
                {showLabel(i, model.ticks.length - 1, labelEvery) ? (
                  <text x={at} y={axisY + 20} textAnchor={anchor} fontSize={FONT_SIZE} className="fill-slate-700">
                    {formatMoneyShort(tick, currency)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {model.band ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-5 bg-blue-100 ring-1 ring-blue-300" />
            Middle half (p25–p75)
          </span>
        ) : null}
        {model.median !== null ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-blue-800" />
            Median
          </span>
        ) : null}
        {model.bars.length > 0 ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-1 w-5 bg-slate-600" />
            One posting’s range
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
