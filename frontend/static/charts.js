// Earshot charts: ECharts (loaded from /webjars) driven by data computed on the server.
window.earshotContourChart = function (element, data) {
  if (!window.echarts) {
    element.textContent = 'Charts could not be loaded.';
    return;
  }
  const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['F0 (Hz)', 'Intensity (dB)'] },
    grid: { left: 60, right: 60, top: 40, bottom: 40 },
    xAxis: { type: 'value', name: 's', min: 0, max: data.durationSeconds },
    yAxis: [
      { type: 'value', name: 'Hz', min: 50, max: data.maxHz },
      { type: 'value', name: 'dB', max: 0 }
    ],
    series: [
      { name: 'F0 (Hz)', type: 'line', showSymbol: false, connectNulls: false, data: data.pitch },
      { name: 'Intensity (dB)', type: 'line', yAxisIndex: 1, showSymbol: false, lineStyle: { opacity: 0.5 }, data: data.intensity }
    ]
  });
  new ResizeObserver(() => chart.resize()).observe(element);
};
