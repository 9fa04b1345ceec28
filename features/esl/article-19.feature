Feature: ESL Article 19(1) — the provider publishes its electronic certification rules and files them with the regulator

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A rule statement published and filed
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-19-PUBLISHED" passes
    And rule "ESL-19-FILED" passes

  Scenario: A rule statement whose address is not given is not shown to be published
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "rule_statement.url"
    When it is checked under the current regime
    Then rule "ESL-19-PUBLISHED" fails

  Scenario: A rule statement without a filing number is not shown to be filed
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "rule_statement.filing_number"
    When it is checked under the current regime
    Then rule "ESL-19-FILED" fails
    And the finding for "ESL-19-FILED" says "filed with the State Council department"
