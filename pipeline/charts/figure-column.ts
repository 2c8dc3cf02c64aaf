import { INK } from './theme.ts';

/**
 * A column that prints each row's figure beside a chart (hconcat), so that no label crosses a mark,
 * a rule or another label. `y` is the chart's row encoding; the column hides its axis.
 */
export function figureColumn<Y extends object, V>(options: {
  y: Y;
  values: V[];
  width: number;
  step: number;
  fontSize?: number;
}) {
  return {
    width: options.width,
    height: { step: options.step },
    data: { values: options.values },
    mark: {
      type: 'text' as const,
      align: 'left' as const,
      color: INK,
      ...(options.fontSize === undefined ? {} : { fontSize: options.fontSize }),
    },
    encoding: {
      y: { ...options.y, axis: null },
      x: { value: 0 },
      text: { field: 'text', type: 'nominal' as const },
    },
  };
}
