package dev.earshot.testing;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.quarkus.QuarkusInstantiator;
import dev.earshot.security.Role;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of browserless view tests (Karibu-Testing) inside a running {@code @QuarkusTest}: views get
 * their services injected by the Quarkus instantiator, and the application's {@code
 * VaadinServiceInitListener}s (among them {@code ViewAccessControl}) are active, so access rules
 * are checked as in the real application.
 *
 * <p>Each test starts with an anonymous visitor in a fresh session. {@link #loginAs} opens a new
 * session as a user, as a browser does after logging in. Find and drive components with Karibu's
 * {@code LocatorJ} ({@code _get}, {@code _find}, {@code _click}, {@code _setValue}).
 */
public abstract class KaribuTest {

  /**
   * Every {@code @Route} view of the application. Karibu's class-path scan does not work with
   * Quarkus's class loader; the Vaadin Quarkus extension makes every route a CDI bean, so the bean
   * manager knows them all.
   */
  private static Routes routes;

  private static final Function1<FakeHttpSession, FakeRequest> ANONYMOUS_REQUESTS =
      MockVaadin.getMockRequestFactory();

  @BeforeEach
  void openAnonymousSession() {
    openSession(ANONYMOUS_REQUESTS);
  }

  @AfterEach
  void closeSession() {
    MockVaadin.tearDown();
    MockVaadin.setMockRequestFactory(ANONYMOUS_REQUESTS);
  }

  /**
   * A new session logged in as {@code username} with the role and the roles below it, as the real
   * identity has them (an admin is also researcher and annotator). The servlet request carries the
   * user for Vaadin's access control, and Quarkus's security identity is the user too: the access
   * annotation of a view also guards its overridden methods ({@code onAttach}) as a CDI bean.
   */
  protected void loginAs(String username, Role role) {
    MockVaadin.tearDown();
    Principal principal = () -> username;
    Set<String> roles = role.withImplied();
    Arc.container()
        .instance(CurrentIdentityAssociation.class)
        .get()
        .setIdentity(
            QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles).build());
    openSession(
        session -> {
          FakeRequest request = new FakeRequest(session);
          request.setUserPrincipalInt(principal);
          request.setUserInRole((user, name) -> roles.contains(name));
          return request;
        });
  }

  /**
   * Navigates to the view and returns the view shown afterwards, which may be another one: a
   * forward, the login view for anonymous visitors, {@code AccessDeniedErrorView} for a user
   * without the role, {@code InternalServerError} when the view failed (the exception is in the
   * log).
   */
  protected Component navigate(Class<? extends Component> view) {
    UI.getCurrent().navigate(view);
    return UI.getCurrent().getCurrentView();
  }

  /** Navigates to the view, which must be the one shown, and returns it. */
  protected <T extends Component> T open(Class<T> view) {
    Component shown = navigate(view);
    if (!view.isInstance(shown)) {
      throw new AssertionError(
          "Expected "
              + view.getSimpleName()
              + " but "
              + shown.getClass().getSimpleName()
              + " is shown (a failure of the view is in the log)");
    }
    return view.cast(shown);
  }

  /**
   * The one component of the type with the id; unlike Karibu's {@code _get} also typed for generic
   * components: {@code Grid<UserView> users = byId(Grid.class, "users")}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected static <T extends Component> T byId(Class<? super T> type, String id) {
    return (T) LocatorJ._get((Class) type, spec -> spec.withId(id));
  }

  /** The texts of the notifications now shown, oldest first. */
  protected static List<String> notifications() {
    return NotificationsKt.getNotifications().stream()
        .map(notification -> notification.getElement().getProperty("text"))
        .toList();
  }

  private static void openSession(Function1<FakeHttpSession, FakeRequest> requests) {
    MockVaadin.setMockRequestFactory(requests);
    MockVaadin.setup(MockedUI::new, new QuarkusMockServlet(routes()));
  }

  private static synchronized Routes routes() {
    if (routes == null) {
      BeanManager beans = Arc.container().beanManager();
      List<Class<?>> components =
          beans.getBeans(Component.class, Any.Literal.INSTANCE).stream()
              .<Class<?>>map(Bean::getBeanClass)
              .toList();
      Set<Class<? extends Component>> views =
          components.stream()
              .filter(type -> type.isAnnotationPresent(Route.class))
              .map(type -> type.asSubclass(Component.class))
              .collect(Collectors.toSet());
      // The application's error views and no error views of Karibu's: Vaadin's own ones answer
      // the rest, as in the application.
      Set<Class<? extends HasErrorParameter<?>>> errorViews = new HashSet<>();
      components.stream()
          .filter(HasErrorParameter.class::isAssignableFrom)
          .filter(type -> type.getPackageName().startsWith("dev.earshot"))
          .forEach(type -> addErrorView(errorViews, type));
      routes = new Routes(views, errorViews, true);
    }
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static void addErrorView(Set<Class<? extends HasErrorParameter<?>>> into, Class<?> type) {
    into.add((Class<? extends HasErrorParameter<?>>) type);
  }

  /** Karibu's mock servlet with a service that creates views as the Quarkus extension does. */
  private static final class QuarkusMockServlet extends MockVaadinServlet {

    private static final long serialVersionUID = 1L;

    QuarkusMockServlet(Routes routes) {
      super(routes);
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
        throws ServiceException {
      VaadinServletService service = new QuarkusMockService(this, configuration);
      service.init();
      getRoutes().register((VaadinServletContext) service.getContext());
      return service;
    }
  }

  private static final class QuarkusMockService extends MockService {

    private static final long serialVersionUID = 1L;

    QuarkusMockService(MockVaadinServlet servlet, DeploymentConfiguration configuration) {
      super(servlet, configuration, MockedUI::new);
    }

    @Override
    protected Instantiator createInstantiator() {
      return new QuarkusInstantiator(new DefaultInstantiator(this), Arc.container().beanManager());
    }
  }
}
