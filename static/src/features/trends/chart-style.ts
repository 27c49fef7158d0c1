import { token } from '@atlaskit/tokens';

/** Axis ticks of the trend charts, in the theme's subtle text colour (light and dark). */
export const AXIS_TICK = { fill: token('color.text.subtle'), fontSize: 11 };

/** Tooltip look of the trend charts: the overlay surface of the theme. */
export const TOOLTIP_STYLE = {
  contentStyle: { background: token('elevation.surface.overlay'), borderColor: token('color.border') },
  labelStyle: { color: token('color.text') },
};

export const GRID_STROKE = token('color.border');
