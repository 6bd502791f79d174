package dev.earshot.reward.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RewardRequestParserTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SHA = "ab".repeat(32);
  private static final byte[] WAV = "RIFF$\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
  private static final String WAV_BASE64 = Base64.getEncoder().encodeToString(WAV);

  private final RewardRequestParser parser =
      new RewardRequestParser(new RewardRequestLimits(3, 64), MAPPER);

  /** JSON written with single quotes, for readable test bodies. */
  private static JsonNode json(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void shouldParseOpenRlhfSingleSampleStringWithEmbeddedObject() {
    String query =
        "<|user|>Say hi<|assistant|>{\\'audioSha256\\': \\'" + SHA.toUpperCase() + "\\'}<|eot_id|>";

    List<RewardItem> items =
        parser.parse(
            json(
                "{'query':['"
                    + query
                    + "'],'prompts':['<|user|>Say hi'],'labels':['hi']}".replace("\\'", "\\\"")));

    assertThat(items)
        .containsExactly(
            new RewardItem(
                0,
                new AudioSource.Uploaded(SHA),
                Optional.of(new PromptRef.Text("<|user|>Say hi")),
                Optional.of("hi"),
                Optional.empty()));
  }

  @Test
  void shouldParseBatchOfObjectsWithoutPromptsOrLabels() {
    List<RewardItem> items =
        parser.parse(
            json(
                "{'query':[{'audio':'"
                    + WAV_BASE64
                    + "','promptId':'p-7'},{'audioSha256':'"
                    + SHA
                    + "','prompt':'Read this','text':'hello'}]}"));

    assertThat(items)
        .containsExactly(
            new RewardItem(
                0,
                new AudioSource.Inline(WAV),
                Optional.of(new PromptRef.Id("p-7")),
                Optional.empty(),
                Optional.empty()),
            new RewardItem(
                1,
                new AudioSource.Uploaded(SHA),
                Optional.of(new PromptRef.Text("Read this")),
                Optional.empty(),
                Optional.of("hello")));
  }

  @Test
  void shouldPreferTheItemsOwnPromptIdOverThePromptsList() {
    List<RewardItem> items =
        parser.parse(
            json(
                "{'query':[{'audioSha256':'"
                    + SHA
                    + "','promptId':'p-1'},{'audioSha256':'"
                    + SHA
                    + "'}],'prompts':['templated one',null],'labels':[null,'two']}"));

    assertThat(items)
        .extracting(RewardItem::prompt, RewardItem::label)
        .containsExactly(
            tuple(Optional.of(new PromptRef.Id("p-1")), Optional.empty()),
            tuple(Optional.empty(), Optional.of("two")));
  }

  static Stream<Arguments> badRequests() {
    String ok = "{'audioSha256':'" + SHA + "'}";
    return Stream.of(
        Arguments.of("{'prompts':[]}", -1, "query must be a list"),
        Arguments.of("{'query':{}}", -1, "query must be a list"),
        Arguments.of(
            "{'query':[" + ok + "," + ok + "," + ok + "," + ok + "]}",
            -1,
            "query has 4 items, more than the limit of 3"),
        Arguments.of(
            "{'query':[" + ok + "," + ok + "," + ok + "],'prompts':['a','b']}",
            -1,
            "prompts has 2 entries but query has 3"),
        Arguments.of(
            "{'query':[" + ok + "," + ok + "],'labels':['a',5]}",
            1,
            "labels[1]: must be a string or null"),
        Arguments.of(
            "{'query':[" + ok + "," + ok + ",{'audio':'not base64!'}]}",
            2,
            "query[2]: audio is not base64"),
        Arguments.of(
            "{'query':[" + ok + ",{'audio':'AAAAAAAAAAAAAAAA'}]}",
            1,
            "query[1]: audio is not a WAV file (no RIFF/WAVE header)"),
        Arguments.of(
            "{'query':[{'audio':'" + "A".repeat(68) + "'}]}",
            0,
            "query[0]: audio has 68 base64 characters, more than the limit of 64"),
        Arguments.of(
            "{'query':[{'audio':'" + WAV_BASE64 + "','audioSha256':'" + SHA + "'}]}",
            0,
            "query[0]: give exactly one of audio and audioSha256"),
        Arguments.of(
            "{'query':[{'promptId':'p'}]}",
            0,
            "query[0]: give exactly one of audio and audioSha256"),
        Arguments.of(
            "{'query':[{'audioSha256':'abc'}]}",
            0,
            "query[0]: audioSha256 must be 64 hexadecimal characters"),
        Arguments.of(
            "{'query':[{'audioSha256':'" + SHA + "','audo':'x'}]}",
            0,
            "query[0]: unknown field 'audo'"),
        Arguments.of(
            "{'query':[{'audioSha256':'" + SHA + "','promptId':'p','prompt':'t'}]}",
            0,
            "query[0]: give either promptId or prompt, not both"),
        Arguments.of(
            "{'query':[{'audioSha256':'" + SHA + "','text':3}]}",
            0,
            "query[0]: text must be a string"),
        Arguments.of(
            "{'query':[" + ok + ",'just text']}",
            1,
            "query[1]: string embeds no {\"audio...} object"),
        Arguments.of(
            "{'query':['prefix {\\'audioSha256\\': ']}".replace("\\'", "\\\""),
            0,
            "query[0]: embedded audio object is not valid JSON"),
        Arguments.of(
            "{'query':[42]}",
            0,
            "query[0]: must be an object with audio or audioSha256, or a string embedding one"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void shouldRejectBadRequestNamingTheBadItem(String body, int index, String message) {
    assertThatThrownBy(() -> parser.parse(json(body)))
        .isInstanceOfSatisfying(
            RewardRequestException.class,
            e ->
                assertThat(e.itemIndex())
                    .isEqualTo(index < 0 ? OptionalInt.empty() : OptionalInt.of(index)))
        .hasMessage(message);
  }
}
