package dev.dunning.portal;

import dev.dunning.model.RecoveryCase;
import org.junit.jupiter.api.BeforeEach;

/** The setup the debtor-action tests share: a fresh fixture and an open case with its portal token. */
abstract class CaseWithPortalLink {
  final PortalFixtures f = new PortalFixtures();
  RecoveryCase c;
  String token;

  @BeforeEach
  void openCaseWithLink() {
    c = f.openCase();
    token = f.tokenOf(c.id());
  }
}
