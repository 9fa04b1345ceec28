Feature: The 2005 Measures — law known to have governed CAs, whose text certlex does not encode

  # From 2005-04-01 to 2009-03-31 the 2005 Measures (MII Order No. 35)
  # governed certification service providers. certlex does not encode them:
  # a CA judged on a date in that window does not conform, and the finding
  # says why, instead of a silent "conformant".

  Scenario: On 2008-06-01 a CA cannot be judged, and the run does not conform
    Given the law as in force on 2008-06-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked
    Then rule "MEASURES-2005-NOT-ENCODED" is undetermined
    And the finding for "MEASURES-2005-NOT-ENCODED" says "the 2005 Measures (MII Order No. 35) were in force"
    And it does not conform

  Scenario: After 2009-03-31 the 2005 Measures no longer apply
    Given the law as in force on 2010-01-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked
    Then rule "MEASURES-2005-NOT-ENCODED" is not in force

  Scenario: Before the ESL came into force neither did they
    Given the law as in force on 2005-03-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked
    Then rule "MEASURES-2005-NOT-ENCODED" is not in force

  Scenario: A rule statement dated while the 2005 Measures were in force cannot be judged
    Given a rule statement:
      """
      ---
      kind: rule-statement
      effective_date: 2007-01-01
      ---
      # 1 引言
      """
    When it is checked
    Then rule "MEASURES-2005-STATEMENT-NOT-ENCODED" is undetermined
    And the finding for "MEASURES-2005-STATEMENT-NOT-ENCODED" says "the statement is dated 2007-01-01"

  Scenario: A rule statement of today is judged by the law of today
    Given the rule statement "corpus/rule-statements/complete-bilingual.md"
    When it is checked
    Then rule "MEASURES-2005-STATEMENT-NOT-ENCODED" is not in force
