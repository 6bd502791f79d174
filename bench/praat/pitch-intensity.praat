# Times Praat's To Pitch (ac) + To Intensity on one sound, as bench/praat-compare.sh's reference.
# Same settings as DspBenchmark.pitchAndIntensity: pitch 75-500 Hz with a 10 ms step (Praat's other
# defaults), intensity with a 50 Hz floor and a 10 ms step, mean subtracted.
form Time pitch and intensity
  sentence File clip.wav
  integer Rounds 50
endform
sound = Read from file: file$
duration = Get total duration
# One round outside the clock, as the JMH warm-up does for ours.
pitch = To Pitch (ac): 0.01, 75, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 500
selectObject: sound
intensity = To Intensity: 50, 0.01, "yes"
removeObject: pitch, intensity
stopwatch
for round to rounds
  selectObject: sound
  pitch = To Pitch (ac): 0.01, 75, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 500
  selectObject: sound
  intensity = To Intensity: 50, 0.01, "yes"
  removeObject: pitch, intensity
endfor
seconds = stopwatch
writeInfoLine: "PRAAT_MS_PER_CLIP=", fixed$ (1000 * seconds / rounds, 2), " PRAAT_X_REALTIME=", fixed$ (rounds * duration / seconds, 1)
