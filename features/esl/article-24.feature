Feature: ESL Article 24 — information relating to certification is kept at least five years after a certificate expires

  Background:
    Given the law as in force on 2025-06-01

  Scenario: Records kept ten years after expiry
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-24-RETENTION" passes

  Scenario: Records kept exactly five years after expiry
    Given the CA profile "corpus/ca-profiles/provincial-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-24-RETENTION" passes

  Scenario: Records kept sixty months after expiry are kept five years
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "records.retention_after_expiry" set to 60 months
    When it is checked under the current regime
    Then rule "ESL-24-RETENTION" passes

  Scenario: Records kept three years after expiry
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "records.retention_after_expiry" set to 3 years
    When it is checked under the current regime
    Then rule "ESL-24-RETENTION" fails
    And the finding for "ESL-24-RETENTION" says "requires at least five years"

  Scenario: A retention period that is not stated cannot be judged
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "records"
    When it is checked under the current regime
    Then rule "ESL-24-RETENTION" is undetermined
