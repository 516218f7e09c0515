import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the pieces the trend line uses, so the public page's chart chunk stays small (loaded lazily, below the
// fold). The back office registers its bar and radar charts on top (office/kpi/echartsOffice.ts).
// ECharts' own aria description is not in Vietnamese: the container carries a Vietnamese label instead.
echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export type { EChartsCoreOption } from 'echarts/core';
export { echarts };
