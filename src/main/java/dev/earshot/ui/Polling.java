package dev.earshot.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.shared.Registration;

/**
 * Refreshes a view from the server while it is shown, for progress that changes by itself (runs,
 * exports, votes). Done with attach and detach listeners rather than overridden {@code
 * onAttach}/{@code onDetach}: a view's access annotation guards its overridden methods too, and an
 * expired session detaches views with nobody logged in.
 */
public final class Polling {

  private Polling() {}

  /** Calls {@code refresh} every {@code millis} while {@code view} is attached. */
  public static void whileAttached(Component view, int millis, SerializableRunnable refresh) {
    Registration[] listener = new Registration[1];
    view.addAttachListener(
        attach -> {
          attach.getUI().setPollInterval(millis);
          listener[0] = attach.getUI().addPollListener(poll -> refresh.run());
        });
    view.addDetachListener(
        detach -> {
          detach.getUI().setPollInterval(-1);
          if (listener[0] != null) {
            listener[0].remove();
          }
        });
  }
}
