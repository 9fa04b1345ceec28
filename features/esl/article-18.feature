Feature: ESL Article 18 — the electronic certification permit, and publishing the provider's name and permit number

  Background:
    Given the law as in force on 2025-06-01

  Scenario: A permit that expires after the day of the check
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-18-PERMIT-VALID" passes

  Scenario: A permit that expired before the day of the check
    Given the CA profile "corpus/ca-profiles/expired-permit.yaml"
    When it is checked under the current regime
    Then rule "ESL-18-PERMIT-VALID" fails
    And the finding for "ESL-18-PERMIT-VALID" says "expired on 2024-12-31"
    And it does not conform

  Scenario: The same permit was valid on a day before it expired
    Given the law as in force on 2024-06-01
    And the CA profile "corpus/ca-profiles/expired-permit.yaml"
    When it is checked under the current regime
    Then rule "ESL-18-PERMIT-VALID" passes

  Scenario: A permit whose expiry is not stated cannot be judged
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "permit.expires"
    When it is checked under the current regime
    Then rule "ESL-18-PERMIT-VALID" is undetermined

  Scenario: A CA that publishes its name and permit number on the internet
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked under the current regime
    Then rule "ESL-18-PUBLISHED" passes

  Scenario: A CA that names no address where it publishes them
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "permit.published_at"
    When it is checked under the current regime
    Then rule "ESL-18-PUBLISHED" fails
