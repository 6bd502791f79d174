form Pitch
  sentence inFile x.wav
  sentence outFile x.csv
endform
s = Read from file: inFile$
p = To Pitch (ac): 0.01, 75, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 500
n = Get number of frames
writeFileLine: outFile$, "timeSeconds,f0Hz"
for i to n
  t = Get time from frame number: i
  f = Get value in frame: i, "Hertz"
  if f = undefined
    f = 0
  endif
  appendFileLine: outFile$, fixed$(t, 4), ",", fixed$(f, 3)
endfor
