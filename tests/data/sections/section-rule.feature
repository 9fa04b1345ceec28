Feature: A rule-statement duty on a section named by number (the `sections` fact)
  The test rule TEST-CPS-LIABILITY-SECTION asks section 9.8 to state the
  liability to compensate, in at least 20 characters.

  Scenario: Section 9.8 states the liability, numbered as RFC 3647 numbers it
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.8 Limitations of Liability
      The CA's liability to a relying party is limited to RMB 10,000 per certificate.
      """
    Then rule "TEST-CPS-LIABILITY-SECTION" passes

  Scenario: A subsection's text counts as the section's
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.8 Limitations of Liability
      ### 9.8.1 Relying parties
      The CA's liability to a relying party is limited to RMB 10,000 per certificate.
      """
    Then rule "TEST-CPS-LIABILITY-SECTION" passes

  Scenario: Section 9.8 says nothing of substance
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.8 Limitations of Liability
      No stipulation.
      """
    Then rule "TEST-CPS-LIABILITY-SECTION" fails
    And the finding for "TEST-CPS-LIABILITY-SECTION" says "no limitations of liability (9.8)"

  Scenario: There is no section 9.8
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 9 Other Business and Legal Matters
      ## 9.6 Representations and Warranties
      The CA's liability to a relying party is limited to RMB 10,000 per certificate.
      """
    Then rule "TEST-CPS-LIABILITY-SECTION" fails
