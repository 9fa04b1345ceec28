Feature: ESL article 23 — notice and report before suspending or terminating the service
  Paragraph 1: ninety days before suspending or terminating its service, the
  provider notifies the parties concerned. Paragraph 2: sixty days before, it
  reports to the State Council department in charge of the information industry.

  Scenario: A statement committing to 90 days' notice and a 60-day report passes both paragraphs
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    Then rule "ESL-23-CPS-NOTICE" passes
    And rule "ESL-23-CPS-REPORT" passes

  Scenario: Thirty days' notice to the parties is too short (para 1)
    Given the rule statement "corpus/rule-statements/termination-30-days.md"
    Then rule "ESL-23-CPS-NOTICE" fails
    And the finding for "ESL-23-CPS-NOTICE" says "30 days ahead, less than the 90 days"
    But rule "ESL-23-CPS-REPORT" passes

  Scenario: A thirty-day report to the regulator is too short (para 2)
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 5 Facility, Management, and Operational Controls
      ## 5.8 CA or RA Termination
      The CA notifies subscribers and relying parties at least 90 days in advance and reports to the regulator at least 30 days in advance.
      # 9 Other Business and Legal Matters
      Liability as agreed.
      """
    Then rule "ESL-23-CPS-REPORT" fails
    And rule "ESL-23-CPS-NOTICE" passes

  Scenario: A statement that states no notice period is not judged by article 23
    Given a rule statement:
      """
      # 1 Introduction
      Scope of this statement.
      # 5 Facility, Management, and Operational Controls
      Guarded premises.
      # 9 Other Business and Legal Matters
      Liability as agreed.
      """
    Then rule "ESL-23-CPS-NOTICE" is not applicable
    And rule "ESL-23-CPS-REPORT" is not applicable
