package io.dialtone.platform.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIOutput;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the chart scripts (Chart.js and Moment.js, about 300 kB before compression) only to pages
 * that show a chart. PrimeFaces adds a component's scripts to the page's head when the component is
 * built, rendered or not, so a page whose charts belong to sections the viewer does not see (the
 * home page of every role) would load them all the same. Before the page is written, this drops
 * them when no chart will be shown, and puts them back when an Ajax update shows one. Registered in
 * faces-config for {@code PreRenderViewEvent}.
 */
public class UnusedChartScripts implements SystemEventListener {

  private static final String LIBRARY = "primefaces";
  private static final String HEAD = "head";

  /** The scripts only charts (and schedules, which Dialtone does not use) need. */
  static final List<String> SCRIPTS = List.of("moment/moment.js", "chart/chart.js");

  /** The components that need them. */
  private static final Set<String> USERS =
      Set.of("org.primefaces.component.chart.Chart", "org.primefaces.component.schedule.Schedule");

  private static final String REMOVED = UnusedChartScripts.class.getName() + ".removed";

  @Override
  public boolean isListenerForSource(Object source) {
    return source instanceof UIViewRoot;
  }

  @Override
  public void processEvent(SystemEvent event) {
    FacesContext context = FacesContext.getCurrentInstance();
    UIViewRoot root = context.getViewRoot();
    boolean shown = showsAChart(context, root);
    Map<String, Object> state = root.getViewMap();
    if (!shown) {
      List<UIComponent> unused =
          root.getComponentResources(context, HEAD).stream()
              .filter(UnusedChartScripts::isChartScript)
              .toList();
      unused.forEach(resource -> root.removeComponentResource(context, resource, HEAD));
      if (!unused.isEmpty()) {
        state.put(REMOVED, Boolean.TRUE);
      }
    } else if (state.remove(REMOVED) != null) {
      for (String name : SCRIPTS) {
        UIOutput script = new UIOutput();
        script.setRendererType("jakarta.faces.resource.Script");
        script.getAttributes().put("library", LIBRARY);
        script.getAttributes().put("name", name);
        root.addComponentResource(context, script, HEAD);
      }
    }
  }

  private static boolean isChartScript(UIComponent resource) {
    Map<String, Object> attributes = resource.getAttributes();
    return LIBRARY.equals(attributes.get("library")) && SCRIPTS.contains(attributes.get("name"));
  }

  /**
   * Whether a chart will be written: the rendered components are visited, except the rows of tables
   * and repeats, whose {@code rendered} attributes may name the row variable, unset outside an
   * iteration (a users list's "not the viewer's own row" threw); a chart anywhere inside one
   * counts, rendered or not.
   */
  private static boolean showsAChart(FacesContext context, UIViewRoot root) {
    boolean[] found = {false};
    root.visitTree(
        VisitContext.createVisitContext(
            context, null, EnumSet.of(VisitHint.SKIP_UNRENDERED, VisitHint.SKIP_ITERATION)),
        (visit, component) -> {
          if (isChart(component)) {
            found[0] = true;
            return VisitResult.COMPLETE;
          }
          if (iterates(component)) {
            if (containsAChart(component)) {
              found[0] = true;
              return VisitResult.COMPLETE;
            }
            return VisitResult.REJECT;
          }
          return VisitResult.ACCEPT;
        });
    return found[0];
  }

  private static boolean isChart(UIComponent component) {
    return USERS.contains(component.getClass().getName());
  }

  private static boolean iterates(UIComponent component) {
    return component instanceof jakarta.faces.component.UIData
        || "UIRepeat".equals(component.getClass().getSimpleName());
  }

  private static boolean containsAChart(UIComponent component) {
    java.util.Iterator<UIComponent> children = component.getFacetsAndChildren();
    while (children.hasNext()) {
      UIComponent child = children.next();
      if (isChart(child) || containsAChart(child)) {
        return true;
      }
    }
    return false;
  }
}
