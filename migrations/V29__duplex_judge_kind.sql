-- Judges of kind 'duplex': turn-taking timing of two-channel dialogue responses (user on channel 1,
-- model on channel 2). Their scores are ordinary judge scores, on the dimension 'turn-taking'.
ALTER TABLE judge_version DROP CONSTRAINT judge_version_kind_check;
ALTER TABLE judge_version ADD CONSTRAINT judge_version_kind_check
    CHECK (kind IN ('dsp', 'text', 'onnx', 'llm', 'transcription', 'reward-model', 'duplex'));
