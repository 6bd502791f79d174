package dev.earshot.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers every {@code /api/...} request that no REST resource served, whatever its depth and
 * method, with a 404 problem JSON. Quarkus REST hands a request it cannot match on to the servlet
 * container, even when a resource claims the path's prefix (such as {@code
 * /api/analysis/no-such-thing}), and Vaadin's servlet on {@code /*} would answer it with its HTML
 * page and status 200, which an API client cannot tell from success. The servlet mapping {@code
 * /api/*} is more specific than Vaadin's, so such requests end here.
 */
@WebServlet(urlPatterns = "/api/*")
public class ApiNotFoundServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI();
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(Problem.notFound(path)));
  }
}
