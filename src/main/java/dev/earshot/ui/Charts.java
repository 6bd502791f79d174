package dev.earshot.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/**
 * ECharts in the browser, fed with data computed on the server. The library comes from its webjar
 * and our drawing functions from {@code frontend/static/charts.js}, both loaded at run time: a
 * custom front-end bundle cannot be built offline.
 */
public final class Charts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Charts() {}

  /** Adds the chart scripts to the page; call when a view with charts attaches. */
  public static void load(UI ui) {
    ui.getPage().addJavaScript("/webjars/echarts/5.3.1/dist/echarts.min.js");
    ui.getPage().addJavaScript("/static/charts.js");
  }

  /**
   * Calls {@code window.<function>(element, data, option)} in the browser.
   *
   * @param option passed as the third argument ("" when the function takes none)
   */
  public static void draw(Component target, String function, Object data, String option) {
    try {
      target
          .getElement()
          .executeJs(
              "window." + function + "($0, JSON.parse($1), $2)",
              target.getElement(),
              JSON.writeValueAsString(data),
              option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data is not JSON", e);
    }
  }
}
