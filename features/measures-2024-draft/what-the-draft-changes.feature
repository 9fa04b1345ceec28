Feature: What the 2024 draft Measures would change for a CA — the same profiles under the law in force and under the draft

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A national CA conforms under both
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then it conforms

  Scenario: A national CA conforms under the draft too
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then it conforms

  Scenario: A provincial CA conforms today
    Given the CA profile "corpus/ca-profiles/provincial-ca.yaml"
    When it is checked under the current regime
    Then it conforms

  Scenario: The same provincial CA fails the draft on capital, technical team and outlets
    Given the CA profile "corpus/ca-profiles/provincial-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "MEASURES-5-CAPITAL" fails
    And rule "DRAFT-CH2-TECH-TEAM" fails
    And rule "DRAFT-CH3-OUTLETS" fails
    And rule "MEASURES-5-STAFF" is not in force
    And it does not conform
