// Earshot charts: ECharts (loaded from /webjars) driven by data computed on the server.

// A time-axis label: seconds rounded to two decimals, without trailing zeros ("0.5", "2").
window.earshotSecondsLabel = function (seconds) {
  return String(Math.round(seconds * 100) / 100);
};

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
    grid: { left: 60, right: 60, top: 40, bottom: 55 },
    // The axis name sits under the labels (at the end it ran into the dB axis), and the end label
    // is hidden: it is the raw duration ("2.0693125") and overlapped the last round tick.
    xAxis: {
      type: 'value', name: 'Time (s)', nameLocation: 'middle', nameGap: 28, min: 0, max: data.durationSeconds,
      axisLabel: { showMaxLabel: false, formatter: window.earshotSecondsLabel }
    },
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

// Ratings with their 95 % intervals: one row per system, best on top.
window.earshotIntervalChart = function (element, rows) {
  if (!window.echarts) {
    element.textContent = 'Charts could not be loaded.';
    return;
  }
  const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
  const systems = rows.map(r => r.system).reverse();
  const ordered = rows.slice().reverse();
  chart.setOption({
    animation: false,
    grid: { left: 140, right: 40, top: 20, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: p => {
        const r = ordered[p.dataIndex];
        return r.system + ': ' + r.rating.toFixed(1) + ' [' + r.ciLow.toFixed(1) + ', ' + r.ciHigh.toFixed(1) + ']';
      }
    },
    xAxis: { type: 'value', scale: true, name: 'rating' },
    yAxis: { type: 'category', data: systems },
    series: [
      {
        type: 'custom',
        renderItem: (params, api) => {
          const low = api.coord([api.value(1), params.dataIndex]);
          const high = api.coord([api.value(2), params.dataIndex]);
          const h = 8;
          const style = { stroke: '#1676f3', lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0], y1: low[1] - h, x2: low[0], y2: low[1] + h }, style },
              { type: 'line', shape: { x1: high[0], y1: high[1] - h, x2: high[0], y2: high[1] + h }, style }
            ]
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: ordered.map((r, i) => [i, r.ciLow, r.ciHigh])
      },
      { type: 'scatter', symbolSize: 10, data: ordered.map((r, i) => [r.rating, i]), itemStyle: { color: '#0b4fa8' } }
    ]
  }, true);
  new ResizeObserver(() => chart.resize()).observe(element);
};

// A matrix of system pairs: the win rate of the row system against the column system, or (mode
// 'battles') how many battles the two fought. The tooltip shows both.
window.earshotMatrixHeatmap = function (element, matrix, mode) {
  if (!window.echarts) {
    element.textContent = 'Charts could not be loaded.';
    return;
  }
  const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
  const battles = mode === 'battles';
  const cells = [];
  let most = 1;
  matrix.systems.forEach((row, i) => matrix.systems.forEach((column, j) => {
    if (i !== j && matrix.battles[i][j] > 0) {
      const rate = matrix.winRate[i][j] === null ? null : Math.round(matrix.winRate[i][j] * 100) / 100;
      cells.push([j, i, battles ? matrix.battles[i][j] : rate, rate, matrix.battles[i][j]]);
      most = Math.max(most, matrix.battles[i][j]);
    }
  }));
  chart.setOption({
    animation: false,
    grid: { left: 140, right: 40, top: 20, bottom: 90 },
    tooltip: {
      formatter: p => matrix.systems[p.value[1]] + ' vs ' + matrix.systems[p.value[0]] + ': win rate '
        + p.value[3] + ' over ' + p.value[4] + ' battles'
    },
    xAxis: { type: 'category', data: matrix.systems, axisLabel: { rotate: 30 } },
    yAxis: { type: 'category', data: matrix.systems, inverse: true },
    visualMap: battles
      ? { dimension: 2, min: 0, max: most, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f7fbff', '#08519c'] } }
      : { dimension: 2, min: 0, max: 1, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#d7301f', '#f7f7f7', '#1a9850'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: p => battles ? String(p.value[2]) : p.value[2].toFixed(2) } }]
  }, true);
  new ResizeObserver(() => chart.resize()).observe(element);
};

// Codec quality against bitrate: one point per codec (mean of the chosen metric) with its 95 %
// bootstrap interval as a vertical bar, bitrate on a log axis; data is the codec leaderboard.
window.earshotQualityBitrateChart = function (element, board, metricKey) {
  if (!window.echarts) {
    element.textContent = 'Charts could not be loaded.';
    return;
  }
  const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
  const metric = board.metrics.find(m => m.key === metricKey) || { key: metricKey, label: metricKey, unit: '' };
  const rows = board.codecs.filter(c => c.metrics[metricKey]);
  const points = rows.map(c => [c.bitrateBps, c.metrics[metricKey].mean, c.metrics[metricKey].lower, c.metrics[metricKey].upper, c.codec]);
  chart.setOption({
    animation: false,
    grid: { left: 70, right: 40, top: 30, bottom: 55 },
    tooltip: {
      trigger: 'item',
      formatter: p => {
        const v = p.data;
        return v[4] + ': ' + v[1].toFixed(3) + ' [' + v[2].toFixed(3) + ', ' + v[3].toFixed(3) + '] at ' + Math.round(v[0]) + ' bit/s';
      }
    },
    xAxis: { type: 'log', name: 'Bitrate (bit/s)', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', scale: true, name: metric.label + (metric.unit ? ' (' + metric.unit + ')' : '') },
    series: [
      {
        type: 'custom',
        renderItem: (params, api) => {
          const low = api.coord([api.value(0), api.value(2)]);
          const high = api.coord([api.value(0), api.value(3)]);
          const w = 6;
          const style = { stroke: '#1676f3', lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0] - w, y1: low[1], x2: low[0] + w, y2: low[1] }, style },
              { type: 'line', shape: { x1: high[0] - w, y1: high[1], x2: high[0] + w, y2: high[1] }, style }
            ]
          };
        },
        encode: { x: 0, y: [2, 3] },
        data: points
      },
      {
        type: 'scatter', symbolSize: 10, itemStyle: { color: '#0b4fa8' },
        label: { show: true, position: 'right', formatter: p => p.data[4] },
        data: points
      }
    ]
  }, true);
  new ResizeObserver(() => chart.resize()).observe(element);
};

// Turn-taking of a two-channel dialogue: each channel's speech as bars on its own row, the stretches
// where both speak shaded red, and an arrow per answered turn from the user's end to the model's
// start, labelled with the latency.
window.earshotDuplexTimeline = function (element, data) {
  if (!window.echarts) {
    element.textContent = 'Charts could not be loaded.';
    return;
  }
  const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
  const USER = 1;
  const MODEL = 0;
  const bars = (segments, row, color) =>
    segments.map((s) => ({ value: [row, s.start, s.end], itemStyle: { color: color } }));
  const renderBar = function (params, api) {
    const start = api.coord([api.value(1), api.value(0)]);
    const end = api.coord([api.value(2), api.value(0)]);
    const height = api.size([0, 1])[1] * 0.45;
    const shape = window.echarts.graphic.clipRectByRect(
      { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height: height },
      { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
    return shape && { type: 'rect', shape: shape, style: api.style() };
  };
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => p.seriesType === 'custom'
        ? (p.value[0] === USER ? 'User' : 'Model') + ': ' + p.value[1].toFixed(2) + '–' + p.value[2].toFixed(2) + ' s'
        : p.name
    },
    grid: { left: 100, right: 30, top: 20, bottom: 55 },
    xAxis: {
      type: 'value', name: 'Time (s)', nameLocation: 'middle', nameGap: 28, min: 0, max: data.durationSeconds,
      axisLabel: { showMaxLabel: false, formatter: window.earshotSecondsLabel }
    },
    yAxis: { type: 'category', data: ['Model (ch. 2)', 'User (ch. 1)'] },
    series: [{
      name: 'Speech',
      type: 'custom',
      renderItem: renderBar,
      encode: { x: [1, 2], y: 0 },
      data: bars(data.user, USER, '#1f77b4').concat(bars(data.model, MODEL, '#ff7f0e')),
      markArea: {
        silent: true,
        itemStyle: { color: 'rgba(214, 39, 40, 0.2)' },
        data: data.overlaps.map((o) => [{ xAxis: o.start }, { xAxis: o.end }])
      },
      markLine: {
        symbol: ['none', 'arrow'],
        lineStyle: { color: '#2ca02c', width: 2, type: 'solid' },
        label: { formatter: '{b}', position: 'middle' },
        data: data.turns.map((t) => [
          { coord: [t.userEnd, USER], name: t.latencySeconds.toFixed(2) + ' s' },
          { coord: [t.modelStart, MODEL] }
        ])
      }
    }]
  });
  new ResizeObserver(() => chart.resize()).observe(element);
};
