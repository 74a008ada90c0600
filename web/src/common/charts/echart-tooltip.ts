import { TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';

// The tooltip and its axis pointer are a tenth of ECharts: loaded when a chart is first pointed
// at, not with the page (see echart.tsx).
use([TooltipComponent]);
