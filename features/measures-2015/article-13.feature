Feature: MEASURES-2015 Article 13 — the licence is changed within 15 days after a change of business registration

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A permit changed 12 days after the registration change
    Given a CA profile like "corpus/ca-profiles/late-licence-change.yaml" with "licence_changes" set to [{what: registered-capital, registered: 2023-03-01, licence_changed: 2023-03-13}]
    When it is checked under the current regime
    Then rule "MEASURES-13-LICENCE-CHANGE" passes

  Scenario: A permit changed exactly 15 days after
    Given a CA profile like "corpus/ca-profiles/late-licence-change.yaml" with "licence_changes" set to [{what: domicile, registered: 2024-05-01, licence_changed: 2024-05-16}]
    When it is checked under the current regime
    Then rule "MEASURES-13-LICENCE-CHANGE" passes

  Scenario: A permit changed 41 days after a new legal representative was registered
    Given the CA profile "corpus/ca-profiles/late-licence-change.yaml"
    When it is checked under the current regime
    Then rule "MEASURES-13-LICENCE-CHANGE" fails
    And it does not conform

  Scenario: A permit change not yet made cannot be judged
    Given a CA profile like "corpus/ca-profiles/late-licence-change.yaml" with "licence_changes" set to [{what: name, registered: 2025-05-20}]
    When it is checked under the current regime
    Then rule "MEASURES-13-LICENCE-CHANGE" is undetermined

  Scenario: A CA that records no change
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "MEASURES-13-LICENCE-CHANGE" is not applicable

  Scenario: The draft's deadline is not known, so under the draft the rule is not in force
    Given the CA profile "corpus/ca-profiles/late-licence-change.yaml"
    When it is checked under the draft measures of 2024
    Then rule "MEASURES-13-LICENCE-CHANGE" is not in force
