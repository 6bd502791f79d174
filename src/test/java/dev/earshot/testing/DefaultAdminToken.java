package dev.earshot.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Makes RestAssured calls act as the bootstrap admin ({@code %test.earshot.bootstrap-admin-token})
 * unless a test sends its own {@code Authorization} header or asks for an anonymous call with
 * {@link Accounts#anonymous()}. A Quarkus test callback (META-INF/services), so that it configures
 * the RestAssured of the class loader the tests run in; tests about other things need not repeat
 * credentials.
 */
public final class DefaultAdminToken implements QuarkusTestBeforeEachCallback {

  /** The token configured for the test profile in application.properties. */
  public static final String TOKEN = "test-admin-token";

  /** A request header that only this filter reads: "send this call without credentials". */
  static final String ANONYMOUS = "X-Test-Anonymous";

  private static final Filter FILTER = DefaultAdminToken::authorize;

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    synchronized (DefaultAdminToken.class) {
      if (!RestAssured.filters().contains(FILTER)) {
        RestAssured.filters(FILTER);
      }
    }
  }

  private static Response authorize(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
      request.removeHeader(ANONYMOUS);
    } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return context.next(request, response);
  }
}
