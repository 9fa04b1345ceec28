Feature: ESL article 19 — the electronic certification rules a provider formulates, publishes and files
  Paragraph 1: the provider formulates and publishes electronic certification
  rules that comply with national regulations, and files them with the State
  Council department in charge of the information industry. Paragraph 2: the
  rules include the scope of liability, operating standards and information
  security measures.

  Scenario: A statement that records its filing number passes (para 1)
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    When it is checked
    Then rule "ESL-19-CPS-FILING" passes

  Scenario: A statement that records no filing needs evidence of it (para 1)
    Given the rule statement "corpus/rule-statements/english-only.md"
    When it is checked
    Then rule "ESL-19-CPS-FILING" needs evidence
    And it does not conform

  Scenario: A statement with all nine parts follows the prescribed outline (para 1)
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-19-CPS-OUTLINE" passes

  Scenario: A statement without parts 7 and 8 is warned about, naming them (para 1)
    Given a rule statement:
      """
      # 1 Introduction
      Scope.
      # 2 Publication and Repository Responsibilities
      We publish certificates.
      # 3 Identification and Authentication
      We check identity cards.
      # 4 Certificate Life-Cycle Operational Requirements
      Issuance and revocation.
      # 5 Facility, Management, and Operational Controls
      Secured premises.
      # 6 Technical Security Controls
      Keys in approved modules.
      # 9 Other Business and Legal Matters
      Liability as below.
      """
    Then rule "ESL-19-CPS-OUTLINE" fails
    And the finding for "ESL-19-CPS-OUTLINE" says "7 Certificate, CRL, and OCSP Profiles"

  Scenario: A statement with representations, warranties and limits of liability sets out the scope of liability (para 2)
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-19-CPS-WARRANTIES" passes
    And rule "ESL-19-CPS-LIABILITY-LIMITS" passes

  Scenario: A statement without its liability sections does not set out the scope of liability (para 2)
    Given the rule statement "corpus/rule-statements/missing-liability.md"
    Then rule "ESL-19-CPS-WARRANTIES" fails
    And rule "ESL-19-CPS-LIABILITY-LIMITS" fails
    And the finding for "ESL-19-CPS-LIABILITY-LIMITS" says "does not set out the scope of liability"

  Scenario: "No stipulation" on liability is no scope of liability (para 2)
    Given a rule statement:
      """
      # 1 Introduction
      Scope.
      # 4 Certificate Life-Cycle Operational Requirements
      Issuance and revocation follow the steps below.
      # 9 Other Business and Legal Matters
      ## 9.6 Representations and Warranties
      No stipulation.
      ## 9.8 Limitations of Liability
      No stipulation.
      """
    Then rule "ESL-19-CPS-WARRANTIES" fails
    And rule "ESL-19-CPS-LIABILITY-LIMITS" fails

  Scenario: A statement describing its life-cycle operations and revocation sets out operating standards (para 2)
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-19-CPS-OPERATIONS" passes
    And rule "ESL-19-CPS-REVOCATION" passes

  Scenario: A statement whose part 4 is empty and which says nothing on revocation lacks operating standards (para 2)
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 3 Identification and Authentication
      Identity cards are checked in person.
      # 4 Certificate Life-Cycle Operational Requirements
      TBD
      # 5 Facility, Management, and Operational Controls
      Guarded premises and dual control.
      """
    Then rule "ESL-19-CPS-OPERATIONS" fails
    And rule "ESL-19-CPS-REVOCATION" fails

  Scenario: A statement with facility and technical controls sets out security measures (para 2)
    Given the rule statement "corpus/rule-statements/converted-numbered.txt"
    Then rule "ESL-19-CPS-FACILITY-CONTROLS" passes
    And rule "ESL-19-CPS-TECHNICAL-CONTROLS" passes

  Scenario: A statement without parts 5 and 6 sets out no information security measures (para 2)
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 2 Publication and Repository Responsibilities
      We publish certificates.
      # 3 Identification and Authentication
      Identity cards are checked in person.
      """
    Then rule "ESL-19-CPS-FACILITY-CONTROLS" fails
    And rule "ESL-19-CPS-TECHNICAL-CONTROLS" fails
