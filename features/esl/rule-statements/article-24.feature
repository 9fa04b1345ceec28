Feature: ESL article 24 — the retention period counts from when the certificate ceases to be valid
  ESL 24 keeps information for at least five years after the certificate
  ceases to be valid (expires or is revoked). A rule statement that counts its
  period from archiving may end it earlier.

  Scenario: Counting from expiry never ends earlier than ESL 24
    Given the rule statement "corpus/rule-statements/english-only.md"
    Then rule "ESL-24-CPS-RETENTION-START" passes

  Scenario: Counting from archiving does not pass
    Given a rule statement:
      """
      # 5 Facility, Management, and Operational Controls
      ## 5.5 Records Archival
      ### 5.5.2 Retention Period for Archive
      Archived records are retained for five years from the date of archiving.
      """
    Then rule "ESL-24-CPS-RETENTION-START" fails
    And the finding for "ESL-24-CPS-RETENTION-START" says "counts its retention period from archiving"
    And it does not conform
