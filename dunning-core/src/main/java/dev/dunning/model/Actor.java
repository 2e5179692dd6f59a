package dev.dunning.model;

import dev.dunning.internal.Codes;
import java.util.Objects;

/**
 * Who did something to a case: the engine itself, a collection manager, a colleague, or the debtor
 * through the portal. Recorded on every timeline event, because a court asks who did what.
 *
 * @param kind what kind of actor
 * @param name who exactly (a user name, an e-mail, "portal"); never a secret such as a token
 * @since 0.1
 */
public record Actor(Kind kind, String name) {
  /** The engine acting on its own (ticks, deliveries). */
  public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "dunning");

  public Actor {
    Objects.requireNonNull(kind, "kind");
    name = Objects.requireNonNullElse(name, "");
  }

  public static Actor manager(String name) {
    return new Actor(Kind.MANAGER, name);
  }

  public static Actor colleague(String name) {
    return new Actor(Kind.COLLEAGUE, name);
  }

  public static Actor debtor(String name) {
    return new Actor(Kind.DEBTOR, name);
  }

  public static Actor host(String name) {
    return new Actor(Kind.HOST, name);
  }

  /** What kind of actor, with a stable persisted code. */
  public enum Kind {
    SYSTEM("system"),
    MANAGER("manager"),
    COLLEAGUE("colleague"),
    /** The debtor, acting through the portal. */
    DEBTOR("debtor"),
    /** The host application (e.g. a bank-statement import recording a payment). */
    HOST("host");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Kind fromCode(String code) {
      return Codes.find(values(), code, Kind::code, "actor kind");
    }
  }
}
