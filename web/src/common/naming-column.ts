import { Grid } from 'antd';

/** The naming column's width on a phone: room for a short name, the rest for the figures. */
const PHONE_WIDTH = 140;

/**
 * A list wider than a phone's screen scrolls sideways; its naming column (the first: an event's
 * title, a fund's name) stays in view beside the columns that scroll, narrower on a phone. Spread
 * into that column: `{ ...naming, title, render }`. `width`: its width on larger screens, if fixed.
 */
export function useNamingColumn(width?: number): { fixed: 'left'; width?: number } {
  const phone = !Grid.useBreakpoint().sm;
  return { fixed: 'left', width: phone ? PHONE_WIDTH : width };
}
