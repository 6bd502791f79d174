package dev.earshot.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportFormatsTest {

  static final String PROMPT_AUDIO =
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String CHOSEN_AUDIO =
      "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

  static final Turn PROMPT = new Turn("p1", "Say \"hello\"", PROMPT_AUDIO);
  static final Turn SPOKEN = new Turn("r1", "hello", CHOSEN_AUDIO);
  static final Turn TEXT_ONLY = new Turn("r2", "hi", null);
  static final PreferencePair PAIR = new PreferencePair(PROMPT, SPOKEN, TEXT_ONLY, "clarity", 1);
  static final PreferencePair TEXT_PAIR =
      new PreferencePair(
          new Turn("p2", "Count to two", null),
          TEXT_ONLY,
          new Turn("r3", "one", null),
          "accuracy",
          0.25);

  @Test
  void shouldWriteTrlStandardPreferencesWithAudioPathKeys() throws IOException {
    assertThat(write(new TrlStandardPreferenceFormat(), List.of(PAIR, TEXT_PAIR)))
        .isEqualTo(
            """
            {"prompt":"Say \\"hello\\"","chosen":"hello","rejected":"hi","prompt_audio":"audio/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav","chosen_audio":"audio/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.wav","rejected_audio":null}
            {"prompt":"Count to two","chosen":"hi","rejected":"one","prompt_audio":null,"chosen_audio":null,"rejected_audio":null}
            """);
  }

  @Test
  void shouldWriteTrlConversationalPreferencesAsMessagesWithAudioAndTextParts() throws IOException {
    assertThat(write(new TrlConversationalPreferenceFormat(), List.of(PAIR)))
        .isEqualTo(
            """
            {"prompt":[{"role":"user","content":[{"type":"audio","path":"audio/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav"},{"type":"text","text":"Say \\"hello\\""}]}],"chosen":[{"role":"assistant","content":[{"type":"audio","path":"audio/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.wav"},{"type":"text","text":"hello"}]}],"rejected":[{"role":"assistant","content":[{"type":"text","text":"hi"}]}]}
            """);
  }

  @Test
  void shouldAddEachResponsesCodecTokensPerCodebookAndNullWithoutAudio() throws IOException {
    AudioCodes codes =
        sha256 -> {
          assertThat(sha256).isEqualTo(CHOSEN_AUDIO);
          return new long[][] {{5, 1, 7}, {0, 2, 6}};
        };

    assertThat(write(new TrlStandardPreferenceFormat(codes), List.of(PAIR)))
        .endsWith(
            "\"rejected_audio\":null,\"chosen_audio_codes\":[[5,1,7],[0,2,6]],"
                + "\"rejected_audio_codes\":null}\n");
    assertThat(write(new TrlConversationalPreferenceFormat(codes), List.of(PAIR)))
        .endsWith(
            "\"text\":\"hi\"}]}],\"chosen_audio_codes\":[[5,1,7],[0,2,6]],"
                + "\"rejected_audio_codes\":null}\n");
  }

  @Test
  void shouldLeaveOutTheTextPartOfAnAudioOnlyTurn() throws IOException {
    PreferencePair audioOnly =
        new PreferencePair(new Turn("p1", "", PROMPT_AUDIO), SPOKEN, TEXT_ONLY, "clarity", 0);

    assertThat(write(new TrlConversationalPreferenceFormat(), List.of(audioOnly)))
        .startsWith(
            "{\"prompt\":[{\"role\":\"user\",\"content\":[{\"type\":\"audio\",\"path\":\"audio/"
                + PROMPT_AUDIO
                + ".wav\"}]}],");
  }

  @Test
  void shouldWriteKtoCompletionsWithBooleanLabels() throws IOException {
    List<LabeledCompletion> labeled =
        List.of(
            new LabeledCompletion(PROMPT, SPOKEN, true),
            new LabeledCompletion(PROMPT, TEXT_ONLY, false));

    assertThat(write(new TrlKtoFormat(), labeled))
        .isEqualTo(
            """
            {"prompt":"Say \\"hello\\"","completion":"hello","label":true,"prompt_audio":"audio/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav","completion_audio":"audio/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.wav"}
            {"prompt":"Say \\"hello\\"","completion":"hi","label":false,"prompt_audio":"audio/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav","completion_audio":null}
            """);
  }

  @Test
  void shouldWriteOpenRlhfPairsWithFixedFormatMargins() throws IOException {
    assertThat(write(new OpenRlhfPreferenceFormat(), List.of(PAIR, TEXT_PAIR)))
        .isEqualTo(
            """
            {"prompt":"Say \\"hello\\"","chosen":"hello","rejected":"hi","margin":1.0,"prompt_audio":"audio/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav","chosen_audio":"audio/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.wav","rejected_audio":null}
            {"prompt":"Count to two","chosen":"hi","rejected":"one","margin":0.25,"prompt_audio":null,"chosen_audio":null,"rejected_audio":null}
            """);
  }

  @Test
  void shouldWriteTheOutcomeKeyLastWhenThePairHasOne() throws IOException {
    PreferencePair tie =
        new PreferencePair(
            TEXT_PAIR.prompt(),
            TEXT_PAIR.chosen(),
            TEXT_PAIR.rejected(),
            "accuracy",
            0,
            PreferencePair.Outcome.BOTH_BAD);

    assertThat(write(new OpenRlhfPreferenceFormat(), List.of(tie)))
        .isEqualTo(
            """
            {"prompt":"Count to two","chosen":"hi","rejected":"one","margin":0.0,"prompt_audio":null,"chosen_audio":null,"rejected_audio":null,"outcome":"both_bad"}
            """);
    assertThat(write(new LlamaFactoryPreferenceFormat(), List.of(tie)))
        .endsWith("\"audios\":[],\"outcome\":\"both_bad\"}\n");
  }

  @Test
  void shouldWriteLlamaFactoryPairsWithOneAudioPlaceholderPerListedAudio() throws IOException {
    assertThat(write(new LlamaFactoryPreferenceFormat(), List.of(PAIR, TEXT_PAIR)))
        .isEqualTo(
            """
            {"messages":[{"role":"user","content":"<audio>Say \\"hello\\""}],"chosen":{"role":"assistant","content":"hello"},"rejected":{"role":"assistant","content":"hi"},"audios":["audio/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.wav"]}
            {"messages":[{"role":"user","content":"Count to two"}],"chosen":{"role":"assistant","content":"hi"},"rejected":{"role":"assistant","content":"one"},"audios":[]}
            """);
  }

  @Test
  void shouldRegisterTheLlamaFactoryFileAsRankedSharegptData() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LlamaFactoryPreferenceFormat.writeDatasetInfo("earshot_prefs", "llamafactory.jsonl", out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {
              "earshot_prefs" : {
                "file_name" : "llamafactory.jsonl",
                "formatting" : "sharegpt",
                "ranking" : true,
                "columns" : {
                  "messages" : "messages",
                  "chosen" : "chosen",
                  "rejected" : "rejected",
                  "audios" : "audios"
                },
                "tags" : {
                  "role_tag" : "role",
                  "content_tag" : "content",
                  "user_tag" : "user",
                  "assistant_tag" : "assistant"
                }
              }
            }
            """);
  }

  @Test
  void shouldWriteByteIdenticalOutputOnEveryRun() throws IOException {
    List<JsonlFormat<PreferencePair>> formats =
        List.of(
            new TrlStandardPreferenceFormat(),
            new TrlConversationalPreferenceFormat(),
            new OpenRlhfPreferenceFormat(),
            new LlamaFactoryPreferenceFormat());
    for (JsonlFormat<PreferencePair> format : formats) {
      assertThat(writeBytes(format, List.of(PAIR, TEXT_PAIR)))
          .isEqualTo(writeBytes(format, List.of(PAIR, TEXT_PAIR)));
    }
  }

  @Test
  void shouldRejectRecordsThatArriveOutOfOrder() throws IOException {
    try (JsonlWriter<PreferencePair> writer =
        new JsonlWriter<>(new TrlStandardPreferenceFormat(), new ByteArrayOutputStream())) {
      writer.write(TEXT_PAIR);
      assertThatThrownBy(() -> writer.write(PAIR)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldRejectAnAudioHashThatIsNotLowercaseSha256() {
    assertThatThrownBy(() -> new Turn("r", "x", "ABC"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldFormatNumbersWithSixDecimalsAndNoExponent() {
    assertThat(JsonLines.fixed(1.0 / 3)).isEqualTo("0.333333");
    assertThat(JsonLines.fixed(2.5e-7)).isEqualTo("0.0");
    assertThat(JsonLines.fixed(-0.0)).isEqualTo("0.0");
    assertThat(JsonLines.fixed(1e20)).isEqualTo("100000000000000000000.0");
    assertThat(JsonLines.fixed(-1.5)).isEqualTo("-1.5");
  }

  static <T> String write(JsonlFormat<T> format, List<T> records) throws IOException {
    return new String(writeBytes(format, records), StandardCharsets.UTF_8);
  }

  static <T> byte[] writeBytes(JsonlFormat<T> format, List<T> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonlWriter<T> writer = new JsonlWriter<>(format, out)) {
      for (T record : records) {
        writer.write(record);
      }
    }
    return out.toByteArray();
  }
}
