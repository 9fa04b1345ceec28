Feature: ESL Article 16 and Article 18(1) — certification is provided by a lawfully established provider that holds a permit

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A CA that names its electronic certification permit holds one
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-16-PERMIT" passes

  Scenario: A CA whose profile names no permit is not shown to be lawfully established
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "permit"
    When it is checked under the current regime
    Then rule "ESL-16-PERMIT" fails
    And the finding for "ESL-16-PERMIT" says "names no electronic certification permit"
    And rule "ESL-18-PERMIT-VALID" is not applicable
    And it does not conform

  Scenario: A provider established outside the PRC is not checked for a PRC permit
    Given the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-16-PERMIT" is not applicable
