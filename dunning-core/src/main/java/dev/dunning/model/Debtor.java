package dev.dunning.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The person or company that owes the money, with everything needed to reach them in their language.
 *
 * @param id the host's id for this debtor (customer number)
 * @param kind business or consumer
 * @param name the name messages are addressed to
 * @param legalIds registration or VAT numbers (businesses)
 * @param address the postal address, or {@code null} if unknown (then no letter can reach them)
 * @param emails e-mail addresses, the first one is used
 * @param phones phone numbers in E.164 form where known, the first one is used
 * @param locale the language (and country) messages are written in
 * @param timeZone the zone deadlines and send times are computed in
 * @param channelPreferences channels the debtor prefers, tried first when a stage allows them
 * @param directDebitMandate whether the creditor may collect by direct debit
 * @since 0.1
 */
public record Debtor(
    String id,
    DebtorKind kind,
    String name,
    List<LegalId> legalIds,
    PostalAddress address,
    List<String> emails,
    List<String> phones,
    Locale locale,
    ZoneId timeZone,
    List<ChannelType> channelPreferences,
    boolean directDebitMandate) {

  public Debtor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    legalIds = List.copyOf(Objects.requireNonNullElse(legalIds, List.of()));
    emails = List.copyOf(Objects.requireNonNullElse(emails, List.of()));
    phones = List.copyOf(Objects.requireNonNullElse(phones, List.of()));
    locale = Objects.requireNonNullElse(locale, Locale.ENGLISH);
    timeZone = Objects.requireNonNullElse(timeZone, ZoneOffset.UTC);
    channelPreferences = List.copyOf(Objects.requireNonNullElse(channelPreferences, List.of()));
  }

  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** The first e-mail address, or {@code null}. */
  public String email() {
    return emails.isEmpty() ? null : emails.get(0);
  }

  /** The first phone number, or {@code null}. */
  public String phone() {
    return phones.isEmpty() ? null : phones.get(0);
  }

  /** Builds a {@link Debtor}; only id and name are required (a B2C debtor in English, UTC). */
  public static final class Builder {
    private final String id;
    private final String name;
    private DebtorKind kind = DebtorKind.B2C;
    private final List<LegalId> legalIds = new ArrayList<>();
    private PostalAddress address;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private Locale locale = Locale.ENGLISH;
    private ZoneId timeZone = ZoneOffset.UTC;
    private final List<ChannelType> channelPreferences = new ArrayList<>();
    private boolean directDebitMandate;

    private Builder(String id, String name) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder kind(DebtorKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    public Builder legalId(String scheme, String value) {
      legalIds.add(new LegalId(scheme, value));
      return this;
    }

    public Builder address(PostalAddress address) {
      this.address = address;
      return this;
    }

    public Builder email(String email) {
      emails.add(Objects.requireNonNull(email, "email"));
      return this;
    }

    public Builder phone(String phone) {
      phones.add(Objects.requireNonNull(phone, "phone"));
      return this;
    }

    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    public Builder prefers(ChannelType channel) {
      channelPreferences.add(Objects.requireNonNull(channel, "channel"));
      return this;
    }

    public Builder directDebitMandate(boolean mandate) {
      this.directDebitMandate = mandate;
      return this;
    }

    public Debtor build() {
      return new Debtor(id, kind, name, legalIds, address, emails, phones, locale, timeZone,
          channelPreferences, directDebitMandate);
    }
  }
}
