Feature: ESL article 20 — checking the applicant's identity
  Paragraph 2: after receiving an application for a certificate, the provider
  checks the applicant's identity and examines the relevant materials. The rule
  statement says how (initial identity validation, 3.2).

  Scenario: A statement that describes its identity checks passes
    Given the rule statement "corpus/rule-statements/converted-numbered.txt"
    Then rule "ESL-20-CPS-IDENTITY" passes

  Scenario: A statement whose identity validation section is left to be decided fails
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 2 Publication and Repository Responsibilities
      We publish certificates.
      # 3 Identification and Authentication
      ## 3.2 Initial Identity Validation
      待定
      """
    Then rule "ESL-20-CPS-IDENTITY" fails
    And the finding for "ESL-20-CPS-IDENTITY" says "does not say how the applicant's identity is checked"
