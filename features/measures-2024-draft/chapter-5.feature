Feature: The 2024 draft Measures, Chapter 5 (Complaints and Reports) — a complaint and reporting mechanism (article number not known)

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A telephone line, an email address, a web page and a written procedure
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH5-COMPLAINTS" passes

  Scenario: An email address and a written procedure are enough
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "complaints" set to {email: complaints@example.cn, procedure: QP-12}
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH5-COMPLAINTS" passes

  Scenario: A channel without a procedure for handling complaints
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "complaints.procedure"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH5-COMPLAINTS" fails

  Scenario: No complaint channel at all
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "complaints"
    When it is checked under the draft measures of 2024
    Then rule "DRAFT-CH5-COMPLAINTS" fails
    And the finding for "DRAFT-CH5-COMPLAINTS" says "complaint and reporting mechanism"

  Scenario: The Measures of 2015 have no such chapter
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "complaints"
    When it is checked under the current regime
    Then rule "DRAFT-CH5-COMPLAINTS" is not in force
