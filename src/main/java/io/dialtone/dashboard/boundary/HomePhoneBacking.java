package io.dialtone.dashboard.boundary;

import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrRow;
import io.dialtone.extension.boundary.PinState;
import io.dialtone.extension.control.OwnExtension;
import io.dialtone.extension.control.OwnExtensions;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.sip.boundary.RegistrationRow;
import io.dialtone.sip.control.LocationService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A customer user's section of {@code /home.xhtml}: each of their own extensions with its phones
 * registered now (from the registrar) and the state of its voicemail PIN, and their latest calls
 * (the call records they may read: their own extensions'), each linking to its page.
 */
@Named
@RequestScoped
public class HomePhoneBacking {

  static final int CALL_ROWS = 5;

  @Inject AccessControl access;
  @Inject OwnExtensions extensions;
  @Inject LocationService location;
  @Inject CallRecords calls;
  @Inject Clock clock;

  private List<Phone> phones = List.of();
  private List<CdrRow> recentCalls = List.of();

  /** One own extension with its live registrations. */
  public record Phone(OwnExtension extension, List<RegistrationRow> devices) {

    /** The state of its voicemail PIN, as the extension pages label it. */
    public PinState pin() {
      return PinState.valueOf(extension.pinState());
    }

    /** Whether a phone is registered on it now. */
    public boolean registered() {
      return !devices.isEmpty();
    }
  }

  @PostConstruct
  void load() {
    Instant now = clock.instant();
    phones =
        extensions.mine().stream()
            .map(e -> new Phone(e, RegistrationRow.of(location.bindingsOf(e.id()), now)))
            .toList();
    if (access.may(Permission.VIEW_CDRS) && !phones.isEmpty()) {
      recentCalls =
          calls.page(CdrFilter.lastDays(access.caller().accountId(), now), null, CALL_ROWS);
    }
  }

  public List<Phone> getPhones() {
    return phones;
  }

  public List<CdrRow> getRecentCalls() {
    return recentCalls;
  }
}
