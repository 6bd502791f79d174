package dev.earshot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import dev.earshot.dataset.service.DatasetService;
import dev.earshot.security.ui.LoginView;
import dev.earshot.testing.Accounts;
import dev.earshot.testing.KaribuTest;
import dev.earshot.testing.ManagementInterface;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation of the OpenAPI document and every Vaadin route, called by each kind of
 * caller, against one table of who may do what. An endpoint or view missing from the tables fails
 * the test: whoever adds one decides here who may use it.
 */
@QuarkusTest
class EndpointRoleSweepTest extends KaribuTest {

  /** Who may call an operation or open a view. */
  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Anyone signed in, whatever the role. */
    SIGNED_IN,
    ANNOTATOR,
    RESEARCHER,
    ADMIN,
    /** Anyone who holds the secret in the path (the reward URL); no account. */
    PATH_KEY
  }

  /** The callers, weakest first. */
  enum Caller {
    NOBODY(0),
    REVOKED_TOKEN(0),
    ANNOTATOR(1),
    RESEARCHER(2),
    ADMIN(3);

    final int rank;

    Caller(int rank) {
      this.rank = rank;
    }

    boolean may(Access access) {
      return switch (access) {
        case PUBLIC, PATH_KEY -> true;
        case SIGNED_IN -> rank >= 1;
        case ANNOTATOR -> rank >= 1;
        case RESEARCHER -> rank >= 2;
        case ADMIN -> rank >= 3;
      };
    }
  }

  /** "METHOD path template" → who may call it. */
  static final Map<String, Access> OPERATIONS = operations();

  /** Route template → who may open it. */
  static final Map<String, Access> VIEWS =
      Map.ofEntries(
          Map.entry("", Access.SIGNED_IN),
          Map.entry("login", Access.PUBLIC),
          Map.entry("account", Access.SIGNED_IN),
          Map.entry("rate", Access.ANNOTATOR),
          Map.entry("rate/:campaign", Access.ANNOTATOR),
          Map.entry("datasets", Access.RESEARCHER),
          Map.entry("datasets/:name", Access.RESEARCHER),
          Map.entry("responses/:id", Access.RESEARCHER),
          Map.entry("evaluate", Access.RESEARCHER),
          Map.entry("campaigns", Access.RESEARCHER),
          Map.entry("campaigns/:id", Access.RESEARCHER),
          Map.entry("leaderboard", Access.RESEARCHER),
          Map.entry("codecs", Access.RESEARCHER),
          Map.entry("export", Access.RESEARCHER),
          Map.entry("rewards", Access.RESEARCHER),
          Map.entry("reward-models", Access.RESEARCHER),
          Map.entry("admin/users", Access.ADMIN),
          Map.entry("admin/audit", Access.ADMIN));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DatasetService datasets;

  @Test
  void shouldAnswerEveryOperationAsTheTableSays() throws Exception {
    JsonNode openApi =
        JSON.readTree(ManagementInterface.management().get("openapi?format=json").asString());
    Map<String, JsonNode> documented = documentedOperations(openApi);
    assertThat(new TreeSet<>(documented.keySet()))
        .as("operations in the OpenAPI document vs. the table in this test")
        .isEqualTo(new TreeSet<>(OPERATIONS.keySet()));

    Map<Caller, String> tokens = tokens();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> operation : documented.entrySet()) {
      Access access = OPERATIONS.get(operation.getKey());
      for (Caller caller : Caller.values()) {
        int status = call(operation.getKey(), operation.getValue(), tokens.get(caller));
        String expected = expectation(access, caller);
        if (!matches(expected, status)) {
          wrong.add(
              operation.getKey() + " as " + caller + ": " + status + ", expected " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldOpenEveryViewAsTheTableSays() {
    Set<String> routes =
        Arc.container().beanManager().getBeans(Component.class, Any.Literal.INSTANCE).stream()
            .map(Bean::getBeanClass)
            .filter(type -> type.isAnnotationPresent(Route.class))
            .map(type -> type.getAnnotation(Route.class).value())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(routes)
        .as("routes vs. the table in this test")
        .isEqualTo(new TreeSet<>(VIEWS.keySet()));

    List<String> wrong = new ArrayList<>();
    // Anonymous first: each test starts in an anonymous session, and signing in opens a new one.
    for (Caller caller :
        List.of(Caller.NOBODY, Caller.ANNOTATOR, Caller.RESEARCHER, Caller.ADMIN)) {
      signIn(caller);
      for (Map.Entry<String, Access> view : new TreeMap<>(VIEWS).entrySet()) {
        UI.getCurrent().navigate(location(view.getKey()));
        Component shown = UI.getCurrent().getCurrentView();
        boolean opened = !(shown instanceof LoginView) && !isError(shown);
        boolean allowed = caller.may(view.getValue());
        if (view.getKey().equals("login")) {
          // Signed-in visitors of the login page are sent on to the start page.
          opened = !isError(shown);
        }
        if (opened != allowed) {
          wrong.add(
              "/"
                  + view.getKey()
                  + " as "
                  + caller
                  + ": showed "
                  + shown.getClass().getSimpleName());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private void signIn(Caller caller) {
    switch (caller) {
      case ANNOTATOR -> loginAs(Accounts.newUser("sweep-view", "annotator"), Role.ANNOTATOR);
      case RESEARCHER -> loginAs(Accounts.newUser("sweep-view", "researcher"), Role.RESEARCHER);
      case ADMIN -> loginAs(Accounts.newUser("sweep-view", "admin"), Role.ADMIN);
      default -> {
        // the session each test starts with is anonymous
      }
    }
  }

  private String location(String route) {
    return switch (route) {
      case "datasets/:name" -> "datasets/demo";
      case "responses/:id" ->
          "responses/" + datasets.responses("demo", null, 0, 1).items().get(0).id();
      default -> route.replaceAll(":[a-z]+", UUID.randomUUID().toString());
    };
  }

  private static boolean isError(Component shown) {
    return shown.getClass().getName().startsWith("com.vaadin.flow.router.")
        || shown.getClass().getSimpleName().contains("Error");
  }

  /** What the caller must get: "2xx-4xx but not 401/403", "401" or "403". */
  private static String expectation(Access access, Caller caller) {
    if (caller == Caller.REVOKED_TOKEN) {
      // A presented token that is unknown or revoked is refused wherever it is sent.
      return "401";
    }
    if (caller.may(access)) {
      return "not 401/403";
    }
    return caller.rank == 0 ? "401" : "403";
  }

  private static boolean matches(String expected, int status) {
    return switch (expected) {
      case "401" -> status == 401;
      case "403" -> status == 403;
      default -> status != 401 && status != 403 && status < 500;
    };
  }

  private static int call(String operation, JsonNode spec, String token) {
    String method = operation.substring(0, operation.indexOf(' '));
    String path = operation.substring(operation.indexOf(' ') + 1);
    RequestSpecification request = token == null ? Accounts.anonymous() : Accounts.as(token);
    for (JsonNode parameter : spec.path("parameters")) {
      if (parameter.path("in").asText().equals("path")) {
        path = path.replace("{" + parameter.get("name").asText() + "}", sample(parameter));
      }
    }
    path = path.replaceAll("\\{[^}]+}", "nope");
    Iterator<String> types = spec.path("requestBody").path("content").fieldNames();
    if (types.hasNext()) {
      String type = types.next();
      if (type.startsWith("multipart/")) {
        request = request.multiPart("nothing", "nothing");
      } else if (type.contains("json")) {
        request = request.contentType(ContentType.JSON).body("{}");
      } else {
        request = request.contentType(type).body(new byte[] {1, 2, 3});
      }
    }
    return request.request(method, path).statusCode();
  }

  private static String sample(JsonNode parameter) {
    JsonNode schema = parameter.path("schema");
    String format = schema.path("format").asText();
    if (format.equals("uuid")) {
      return UUID.randomUUID().toString();
    }
    return switch (schema.path("type").asText()) {
      case "integer", "number" -> "987654";
      default -> "nope";
    };
  }

  private static Map<String, JsonNode> documentedOperations(JsonNode openApi) {
    Map<String, JsonNode> operations = new LinkedHashMap<>();
    openApi
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          if (!method.getKey().equals("parameters")) {
                            operations.put(
                                method.getKey().toUpperCase() + " " + path.getKey(),
                                withPathParameters(method.getValue(), path.getValue()));
                          }
                        }));
    return operations;
  }

  /** Path-level parameters apply to every operation of the path. */
  private static JsonNode withPathParameters(JsonNode operation, JsonNode path) {
    if (!path.has("parameters")) {
      return operation;
    }
    var merged = operation.deepCopy();
    var parameters =
        ((com.fasterxml.jackson.databind.node.ObjectNode) merged).putArray("parameters");
    path.get("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    return merged;
  }

  private static Map<Caller, String> tokens() {
    Map<Caller, String> tokens = new LinkedHashMap<>();
    tokens.put(Caller.NOBODY, null);
    String revokedOwner = Accounts.newUser("sweep-revoked", "researcher");
    String revoked = Accounts.tokenOf(revokedOwner);
    String revokedId = Accounts.as(revoked).get("/api/tokens").then().extract().path("[0].id");
    Accounts.as(revoked).delete("/api/tokens/" + revokedId).then().statusCode(200);
    tokens.put(Caller.REVOKED_TOKEN, revoked);
    tokens.put(Caller.ANNOTATOR, Accounts.tokenForNewUser("sweep-ann", "annotator"));
    tokens.put(Caller.RESEARCHER, Accounts.tokenForNewUser("sweep-res", "researcher"));
    tokens.put(Caller.ADMIN, Accounts.tokenForNewUser("sweep-adm", "admin"));
    return tokens;
  }

  private static Map<String, Access> operations() {
    Map<String, Access> table = new TreeMap<>();
    table.put("POST /api/reward/{profileKey}", Access.PATH_KEY);
    table.put("GET /api/me", Access.SIGNED_IN);
    table.put("DELETE /api/tokens/{id}", Access.ANNOTATOR);
    table.put("GET /api/assignments/{id}/audio/{side}", Access.ANNOTATOR);
    table.put("GET /api/campaigns", Access.ANNOTATOR);
    table.put("GET /api/campaigns/{id}/next", Access.ANNOTATOR);
    table.put("GET /api/campaigns/{id}/previous", Access.ANNOTATOR);
    table.put("GET /api/tokens", Access.ANNOTATOR);
    table.put("POST /api/assignments/{id}/played/{side}", Access.ANNOTATOR);
    table.put("POST /api/assignments/{id}/skip", Access.ANNOTATOR);
    table.put("PUT /api/assignments/{id}/vote", Access.ANNOTATOR);
    table.put("POST /api/tokens", Access.ANNOTATOR);
    table.put("POST /api/votes", Access.ANNOTATOR);
    table.put("DELETE /api/reward-profiles/{name}/keys/{keyId}", Access.RESEARCHER);
    table.put("GET /api/agreement", Access.RESEARCHER);
    table.put("GET /api/audio/{sha256}", Access.RESEARCHER);
    table.put("GET /api/audio/{sha256}/info", Access.RESEARCHER);
    table.put("GET /api/campaigns/{id}", Access.RESEARCHER);
    table.put("GET /api/codec-encoder", Access.RESEARCHER);
    table.put("GET /api/datasets", Access.RESEARCHER);
    table.put("GET /api/datasets/{name}", Access.RESEARCHER);
    table.put("GET /api/datasets/{name}/duplex", Access.RESEARCHER);
    table.put("GET /api/datasets/{name}/prompts", Access.RESEARCHER);
    table.put("GET /api/datasets/{name}/prompts/{prompt}", Access.RESEARCHER);
    table.put("GET /api/datasets/{name}/responses", Access.RESEARCHER);
    table.put("GET /api/datasets/{name}/systems", Access.RESEARCHER);
    table.put("GET /api/exports", Access.RESEARCHER);
    table.put("GET /api/exports/{id}", Access.RESEARCHER);
    table.put("GET /api/exports/{id}/archive", Access.RESEARCHER);
    table.put("GET /api/exports/{id}/files/{path}", Access.RESEARCHER);
    table.put("GET /api/judge-audit", Access.RESEARCHER);
    table.put("GET /api/judges", Access.RESEARCHER);
    table.put("GET /api/leaderboard", Access.RESEARCHER);
    table.put("GET /api/leaderboard/matrix", Access.RESEARCHER);
    table.put("GET /api/leaderboard/style-controlled", Access.RESEARCHER);
    table.put("GET /api/responses/{id}", Access.RESEARCHER);
    table.put("GET /api/reward-models", Access.RESEARCHER);
    table.put("GET /api/reward-models/{id}", Access.RESEARCHER);
    table.put("GET /api/reward-profiles", Access.RESEARCHER);
    table.put("GET /api/reward-profiles/{name}", Access.RESEARCHER);
    table.put("GET /api/runs", Access.RESEARCHER);
    table.put("GET /api/runs/{id}", Access.RESEARCHER);
    table.put("GET /api/runs/{id}/preferences", Access.RESEARCHER);
    table.put("GET /api/runs/{id}/scores", Access.RESEARCHER);
    table.put("GET /api/runs/{id}/summary", Access.RESEARCHER);
    table.put("GET /api/scores", Access.RESEARCHER);
    table.put("GET /api/systems", Access.RESEARCHER);
    table.put("GET /api/votes", Access.RESEARCHER);
    table.put("PATCH /api/campaigns/{id}", Access.RESEARCHER);
    table.put("POST /api/analysis/prosody", Access.RESEARCHER);
    table.put("POST /api/analysis/resynthesis", Access.RESEARCHER);
    table.put("POST /api/analysis/duplex", Access.RESEARCHER);
    table.put("POST /api/arenas/{name}/battles", Access.RESEARCHER);
    table.put("POST /api/audio", Access.RESEARCHER);
    table.put("POST /api/campaigns", Access.RESEARCHER);
    table.put("POST /api/datasets/import", Access.RESEARCHER);
    table.put("POST /api/datasets/{name}/responses", Access.RESEARCHER);
    table.put("POST /api/exports", Access.RESEARCHER);
    table.put("POST /api/reward", Access.RESEARCHER);
    table.put("POST /api/reward-models", Access.RESEARCHER);
    table.put("POST /api/reward-profiles", Access.RESEARCHER);
    table.put("POST /api/reward-profiles/{name}/keys", Access.RESEARCHER);
    table.put("POST /api/runs", Access.RESEARCHER);
    table.put("GET /api/codecs", Access.RESEARCHER);
    table.put("POST /api/codecs", Access.RESEARCHER);
    table.put("GET /api/codecs/{name}", Access.RESEARCHER);
    table.put("POST /api/codecs/{name}/resyntheses/{dataset}/{prompt}", Access.RESEARCHER);
    table.put("GET /api/codecs/runs", Access.RESEARCHER);
    table.put("POST /api/codecs/runs", Access.RESEARCHER);
    table.put("GET /api/codecs/leaderboard", Access.RESEARCHER);
    table.put("POST /api/text/wer", Access.RESEARCHER);
    table.put("PUT /api/reward-profiles/{name}", Access.RESEARCHER);
    table.put("DELETE /api/users/{username}", Access.ADMIN);
    table.put("GET /api/audit", Access.ADMIN);
    table.put("POST /api/campaigns/{id}/reopen", Access.ADMIN);
    table.put("GET /api/users", Access.ADMIN);
    table.put("GET /api/users/{username}", Access.ADMIN);
    table.put("PATCH /api/users/{username}", Access.ADMIN);
    table.put("POST /api/users", Access.ADMIN);
    return table;
  }
}
