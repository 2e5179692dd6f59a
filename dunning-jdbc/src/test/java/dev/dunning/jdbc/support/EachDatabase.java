package dev.dunning.jdbc.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test class that runs once per database kind (H2, then PostgreSQL), each test on a fresh
 * {@link TestDatabase} that is closed after it. A subclass's own {@code @BeforeEach} runs after the
 * database is there.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
public abstract class EachDatabase {
  @Parameter
  protected TestDatabase.Kind kind;

  protected TestDatabase db;

  @BeforeEach
  void freshDatabase() {
    db = TestDatabase.create(kind);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
