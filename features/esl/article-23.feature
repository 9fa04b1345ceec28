Feature: ESL Article 23 — notice, report and takeover before suspending or terminating certification services

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A CA that plans no suspension or termination is not yet bound by article 23
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-23-NOTICE" is not applicable
    And rule "ESL-23-REPORT" is not applicable
    And rule "ESL-23-SUCCESSOR" is not applicable

  Scenario: A CA that plans to stop, with 120 days' notice to the parties and 90 to the regulator
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" with "termination_plan.planned_date" set to 2025-12-31
    When it is checked under the current regime
    Then rule "ESL-23-NOTICE" passes
    And rule "ESL-23-REPORT" passes

  Scenario: A CA terminating on 30 days' notice to the parties and to the regulator
    Given the CA profile "corpus/ca-profiles/terminating-30-days.yaml"
    When it is checked under the current regime
    Then rule "ESL-23-NOTICE" fails
    And the finding for "ESL-23-NOTICE" says "only 30 days ahead"
    And rule "ESL-23-REPORT" fails
    And it does not conform

  Scenario: Exactly ninety days' notice is enough
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" with "termination_plan.notice_to_parties" set to 90 days
    When it is checked under the current regime
    Then rule "ESL-23-NOTICE" passes

  Scenario: Eighty-nine days' notice is not
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" with "termination_plan.notice_to_parties" set to 89 days
    When it is checked under the current regime
    Then rule "ESL-23-NOTICE" fails

  Scenario: Sixty days' report to the regulator is enough
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" with "termination_plan.report_to_regulator" set to 60 days
    When it is checked under the current regime
    Then rule "ESL-23-REPORT" passes

  Scenario: Fifty-nine days' report to the regulator is not enough
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" with "termination_plan.report_to_regulator" set to 59 days
    When it is checked under the current regime
    Then rule "ESL-23-REPORT" fails

  Scenario: A CA that plans to stop but states no notice periods cannot be judged
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" without "termination_plan.notice_to_parties"
    When it is checked under the current regime
    Then rule "ESL-23-NOTICE" is undetermined

  Scenario: A CA that plans to stop and has arranged a successor
    Given the CA profile "corpus/ca-profiles/terminating-30-days.yaml"
    When it is checked under the current regime
    Then rule "ESL-23-SUCCESSOR" passes

  Scenario: A CA that plans to stop and names no successor
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" without "termination_plan.successor"
    When it is checked under the current regime
    Then rule "ESL-23-SUCCESSOR" fails
    And the finding for "ESL-23-SUCCESSOR" says "2025-09-30"

  Scenario: A CA that plans to stop and has asked the regulator to arrange a successor (para 3)
    Given a CA profile like "corpus/ca-profiles/terminating-30-days.yaml" without "termination_plan.successor" and with "termination_plan.regulator_arrangement" set to "工信部电认〔2025〕申请第 7 号"
    When it is checked under the current regime
    Then rule "ESL-23-SUCCESSOR" passes

  Scenario: A CA that plans no suspension or termination need not name a successor yet
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "termination_plan.successor"
    When it is checked under the current regime
    Then rule "ESL-23-SUCCESSOR" is not applicable
