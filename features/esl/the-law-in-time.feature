Feature: The law in time — each finding is judged by the law of its date and cites the provisions as numbered then

  # Laws do not apply retroactively (Legislation Law, art. 104): a certificate
  # is judged, for what it contains, by the law in force when it was issued
  # (its notBefore), whatever the check date; what a CA must hold now is
  # judged by the law on the check date. A finding cites the provisions that
  # held on its date, numbered as they were then.

  Scenario: A certificate issued before the ESL came into force is not judged by it
    Given the check date 2026-06-01
    And the certificate "corpus/certificates/dated/issued-2004.pem"
    When it is checked
    Then rule "ESL-21-1" is not in force
    And the finding for "ESL-21-1" is judged by the law of 2004-06-01

  Scenario: A date changed after signing is not the date of issuance
    Given the check date 2026-06-01
    And the certificate "corpus/certificates/bad/esl-21-6-date-changed-after-signing.pem"
    And the issuer certificate "corpus/certificates/ca/rsa-root.pem"
    When it is checked
    Then rule "ESL-21-6" fails
    And the finding for "ESL-21-6" is judged by the law of 2026-06-01
    And it does not conform

  Scenario: The date of a certificate whose signature is not checked is taken as it states
    Given the check date 2026-06-01
    And the certificate "corpus/certificates/bad/esl-21-6-date-changed-after-signing.pem"
    When it is checked
    Then rule "ESL-21-6" is not in force
    And the finding for "ESL-21-6" is judged by the law of 1985-06-01

  Scenario: A certificate issued after the ESL came into force is judged by it, on its own date
    Given the check date 2026-06-01
    And the certificate "corpus/certificates/good/issuer-name-without-o.pem"
    When it is checked
    Then rule "ESL-21-1" passes
    And the finding for "ESL-21-1" is judged by the law of 2025-01-01

  Scenario: In 2014 the consent to use cryptography was item (4) of article 17
    Given the law as in force on 2014-01-01
    And a CA profile like "corpus/ca-profiles/national-ca.yaml" without "cryptography_approval"
    When it is checked
    Then rule "ESL-17-CRYPTO-APPROVAL" fails
    And the finding for "ESL-17-CRYPTO-APPROVAL" cites "ESL 17(4)"
    And the finding for "ESL-17-CRYPTO-APPROVAL" does not cite "ESL 17(5)"
    And the finding for "ESL-17-CRYPTO-APPROVAL" says "required by ESL article 17, item (4)"
    And the finding for "ESL-17-CRYPTO-APPROVAL" is judged by the law of 2014-01-01

  Scenario: Since the 2015 amendment added item (1), the consent to use cryptography is item (5)
    Given the law as in force on 2016-01-01
    And a CA profile like "corpus/ca-profiles/national-ca.yaml" without "cryptography_approval"
    When it is checked
    Then rule "ESL-17-CRYPTO-APPROVAL" fails
    And the finding for "ESL-17-CRYPTO-APPROVAL" cites "ESL 17(5)"
    And the finding for "ESL-17-CRYPTO-APPROVAL" does not cite "ESL 17(4)"
    And the finding for "ESL-17-CRYPTO-APPROVAL" says "required by ESL article 17, item (5)"

  # What a profile records as established on a date (a permit issued, an
  # approval granted, a chain or a rule statement filed) did not exist before it.

  Scenario: A permit issued after the date the law is applied at was not yet held
    Given the law as in force on 2018-06-01
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked
    Then rule "ESL-16-PERMIT" fails
    And the finding for "ESL-16-PERMIT" says "`permit.issued` is 2019-08-26, after 2018-06-01, the date the law is applied at"

  Scenario: Once issued, the permit is held
    Given the law as in force on 2019-08-26
    And the CA profile "corpus/ca-profiles/national-ca.yaml"
    When it is checked
    Then rule "ESL-16-PERMIT" passes
