Feature: Measures (2015) article 11 — no transfer of the licence
  As rewritten in 2015, a provider must not resell, rent out, lend or otherwise
  unlawfully transfer its electronic certification service licence. Only a
  person can vouch for that: the profile names the declaration that does.

  Scenario: A CA that names its declaration meets article 11
    Given the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked
    Then rule "MEASURES-11-NO-LICENCE-TRANSFER" passes

  Scenario: Without the declaration, article 11 needs evidence
    Given a CA profile like "corpus/ca-profiles/national-ca.yaml" without "attestations.MEASURES-11-NO-LICENCE-TRANSFER"
    When it is checked
    Then rule "MEASURES-11-NO-LICENCE-TRANSFER" needs evidence
    And it does not conform

  Scenario: Article 11 as rewritten in 2015 does not reach back before the amendment
    Given the law as in force on 2015-01-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    Then rule "MEASURES-11-NO-LICENCE-TRANSFER" is not in force

  Scenario: A foreign CA holds no Chinese licence to transfer
    Given the CA profile "corpus/ca-profiles/foreign-ca.yaml"
    Then rule "MEASURES-11-NO-LICENCE-TRANSFER" is not applicable
