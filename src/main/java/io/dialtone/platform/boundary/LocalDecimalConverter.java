package io.dialtone.platform.boundary;

import io.dialtone.platform.control.LocalDecimals;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Every {@link BigDecimal} input of every page (money, limits) in the viewer's language: {@code
 * 20,50} in French, {@code 20.50} in English ({@link LocalDecimals}). Replaces Faces' own converter
 * for the type, which reads only a point: registered for the type in faces-config.xml, which
 * (unlike the annotation) wins over the implementation's own registration.
 */
public class LocalDecimalConverter implements Converter<BigDecimal> {

  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return LocalDecimals.parse(value, locale(context))
        .orElseThrow(
            () -> {
              String text = Messages.text("general.decimalInvalid", label(component), value);
              return new ConverterException(
                  new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            });
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
    return LocalDecimals.format(value, locale(context));
  }

  private static Locale locale(FacesContext context) {
    return context.getViewRoot().getLocale();
  }

  private static Object label(UIComponent component) {
    Object label = component.getAttributes().get("label");
    return label == null ? "" : label;
  }
}
