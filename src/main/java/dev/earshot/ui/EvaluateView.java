package dev.earshot.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route(value = "evaluate", layout = MainLayout.class)
@PageTitle("Evaluate · Earshot")
public class EvaluateView extends NotYetAvailableView {

  private static final long serialVersionUID = 1L;

  public EvaluateView() {
    super(
        "Evaluate",
        "Runs judges (prosody, quality, content, emotion, non-speech) over a dataset's responses and shows each judge's reason.");
  }
}
