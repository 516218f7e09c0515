import { BarChart, RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent } from 'echarts/components';
import { echarts } from '../../portal/results/echarts';

// The back office's charts besides the trend line: the ranking bars and the Decision 766 radar.
echarts.use([BarChart, RadarChart, LegendComponent, RadarComponent]);
