// Earshot rating page: players that count only what was really heard, waveforms drawn from the
// audio, a per-item timer and the keyboard (space play/pause, A/B switch, 1-6 verdict, Enter
// submit, S skip). The server decides; this only reports.
(function () {
  const HEARD_FRACTION = 0.9;
  let keyHandler = null;
  let timer = null;

  function peaksOf(buffer, columns) {
    const data = buffer.getChannelData(0);
    const step = Math.max(1, Math.floor(data.length / columns));
    const peaks = [];
    for (let c = 0; c < columns; c++) {
      let peak = 0;
      for (let i = c * step; i < Math.min(data.length, (c + 1) * step); i++) {
        peak = Math.max(peak, Math.abs(data[i]));
      }
      peaks.push(peak);
    }
    return peaks;
  }

  function draw(canvas, peaks, playedFraction) {
    const g = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height;
    g.clearRect(0, 0, w, h);
    const max = Math.max(0.01, ...peaks);
    peaks.forEach((p, x) => {
      const bar = Math.max(1, (p / max) * (h - 2));
      g.fillStyle = x / peaks.length <= playedFraction ? '#1676f3' : '#9aa7b8';
      g.fillRect(x, (h - bar) / 2, 1, bar);
    });
  }

  async function waveform(canvas, url) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      const context = new OfflineAudioContext(1, 1, 16000);
      const buffer = await context.decodeAudioData(await response.arrayBuffer());
      canvas.peaks = peaksOf(buffer, canvas.width);
      draw(canvas, canvas.peaks, 0);
    } catch (e) {
      canvas.title = 'waveform unavailable';
    }
  }

  function player(view, side) {
    const audio = view.querySelector('#player-' + side);
    const canvas = view.querySelector('#wave-' + side);
    let heard = 0;
    let last = null;
    audio.addEventListener('play', () => { last = audio.currentTime; });
    audio.addEventListener('seeking', () => { last = null; });
    audio.addEventListener('seeked', () => { last = audio.currentTime; });
    audio.addEventListener('timeupdate', () => {
      if (last !== null) {
        const delta = audio.currentTime - last;
        // Larger jumps are seeks, not listening.
        if (delta > 0 && delta < 1.5) heard += delta;
      }
      last = audio.currentTime;
      if (canvas.peaks && audio.duration) draw(canvas, canvas.peaks, audio.currentTime / audio.duration);
    });
    audio.addEventListener('ended', () => {
      if (heard >= HEARD_FRACTION * audio.duration) {
        view.$server.played(side);
      } else {
        view.$server.notHeard(side);
      }
      heard = 0;
    });
    waveform(canvas, audio.getAttribute('src'));
    return audio;
  }

  function typing(event) {
    return event.composedPath().some(
      (n) => n.tagName === 'TEXTAREA' || (n.tagName === 'INPUT' && n.type === 'text'));
  }

  window.earshotRating = {
    attach(view, elapsedMillis) {
      const players = { a: player(view, 'a'), b: player(view, 'b') };
      let current = 'a';
      const switchTo = (side) => {
        const other = side === 'a' ? 'b' : 'a';
        players[other].pause();
        current = side;
        view.querySelectorAll('.rating-player').forEach((p) =>
          p.classList.toggle('current', p.dataset.side === side));
        players[side].play();
      };
      if (keyHandler) document.removeEventListener('keydown', keyHandler, true);
      keyHandler = (event) => {
        if (!document.body.contains(view) || typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
        const key = event.key;
        let handled = true;
        if (key === ' ') {
          const audio = players[current];
          if (audio.paused) switchTo(current); else audio.pause();
        } else if (key === 'a' || key === 'A') {
          switchTo('a');
        } else if (key === 'b' || key === 'B') {
          switchTo('b');
        } else if (key >= '1' && key <= '6') {
          view.$server.verdictKey(Number(key));
        } else if (key === 'Enter') {
          view.$server.submitKey();
        } else if (key === 's' || key === 'S') {
          view.$server.skipKey();
        } else {
          handled = false;
        }
        if (handled) {
          event.preventDefault();
          event.stopPropagation();
        }
      };
      document.addEventListener('keydown', keyHandler, true);
      const start = Date.now() - elapsedMillis;
      const clock = view.querySelector('#item-timer');
      if (timer) clearInterval(timer);
      timer = setInterval(() => {
        if (!document.body.contains(clock)) { clearInterval(timer); return; }
        const s = Math.floor((Date.now() - start) / 1000);
        clock.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') + ' on this item';
      }, 1000);
    },
  };
})();
