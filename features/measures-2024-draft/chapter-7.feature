Feature: The 2024 draft Measures — certificate chains filed with the regulator (a failure penalised in Chapter 7, Legal Liability; the article setting the duty is not known)

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A CA listing its filed chains with their filing dates
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CHAINS-FILED" passes

  Scenario: A CA that lists no filed chain
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "filed_chains" set to []
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CHAINS-FILED" fails
    And the finding for "DRAFT-CHAINS-FILED" says "penalises failing to file certificate chains"

  Scenario: A chain whose filing date is not given
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "filed_chains" set to [{name: Huaxin SM2 Root CA, sha256: "3f6b1c0e8a9d2f4b7c5e1a0d9b8c7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6"}]
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CHAINS-FILED" fails

  Scenario: The Measures of 2015 as known to certlex set no such duty
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "filed_chains" set to []
    When it is checked under the current regime
    Then rule "DRAFT-CHAINS-FILED" is not in force
