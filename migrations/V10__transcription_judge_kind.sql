-- Judges of kind 'transcription': a speech recogniser behind an OpenAI-compatible
-- /audio/transcriptions API. Their transcripts are kept in llm_judge_cache (keyed by a hash of the
-- audio and the model), so no table of their own.
ALTER TABLE judge_version DROP CONSTRAINT judge_version_kind_check;
ALTER TABLE judge_version ADD CONSTRAINT judge_version_kind_check
    CHECK (kind IN ('dsp', 'text', 'onnx', 'llm', 'transcription', 'reward-model'));
